namespace CallHooks.Conformance.Delivery.Http1;

/// <summary>How the length of a response body is known (RFC 9112 section 6.3).</summary>
internal enum BodyFraming
{
    /// <summary>No body: a 204 or 304 answer.</summary>
    None,

    /// <summary>Exactly <see cref="ResponseHead.ContentLength"/> bytes.</summary>
    ContentLength,

    /// <summary>Transfer-Encoding ending in chunked.</summary>
    Chunked,

    /// <summary>Everything until the listener closes the connection.</summary>
    UntilClose,
}
