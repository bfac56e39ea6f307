using System.Collections.Frozen;

namespace CallHooks.Conformance.Wire;

/// <summary>
/// One HTTP request exactly as it goes on the wire. Header order is preserved; the transport adds only
/// <c>Host</c> and <c>Content-Length</c>, which <see cref="RawHttpRenderer"/> renders too.
/// </summary>
public sealed record WebhookRequest
{
    /// <summary>The method as sent, e.g. <c>POST</c> or <c>GET</c>.</summary>
    public required string Method { get; init; }

    /// <summary>The full URL, query string included (mapped query parameters, Twilio's <c>bodySHA256</c>).</summary>
    public required Uri Url { get; init; }

    /// <summary>Request headers in send order, excluding Host, Content-Type and Content-Length.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The body's media type; null when there is no body.</summary>
    public string? ContentType { get; init; }

    /// <summary>The body's bytes, exactly as sent; empty when there is no body.</summary>
    public ReadOnlyMemory<byte> Body { get; init; } = ReadOnlyMemory<byte>.Empty;

    /// <summary>Header names whose values must never appear in any output (case-insensitive).</summary>
    public IReadOnlySet<string> SecretHeaders { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Secret values that may appear inside the URL or body and must be masked in outputs.</summary>
    public IReadOnlyList<string> SecretValues { get; init; } = [];

    /// <summary>True when the request carries a body (it has a <see cref="ContentType"/>).</summary>
    public bool HasBody => ContentType is not null;
}
