namespace CallHooks.Conformance.Delivery;

/// <summary>Why a delivery got no complete HTTP response. Names are stable: they appear in results.json.</summary>
internal enum FailureKind
{
    /// <summary>Nothing listens on the port (TCP RST on connect).</summary>
    ConnectionRefused,

    /// <summary>The host name does not resolve.</summary>
    NameResolution,

    /// <summary>No complete response within the configured timeout.</summary>
    Timeout,

    /// <summary>The connection was reset or closed before the response was complete.</summary>
    ConnectionReset,

    /// <summary>The connection closed without a single response byte.</summary>
    EmptyReply,

    /// <summary>The bytes that came back are not valid HTTP.</summary>
    MalformedResponse,

    /// <summary>The TLS handshake failed (untrusted or invalid certificate, protocol mismatch).</summary>
    Tls,

    /// <summary>The run was interrupted while the delivery was in flight.</summary>
    Cancelled,

    /// <summary>Anything else; the message says what.</summary>
    Other,
}
