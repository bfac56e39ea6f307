using System.Collections.Frozen;

namespace CallHooks.Conformance.Wire;

/// <summary>
/// One HTTP request exactly as it goes on the wire. Header order is preserved; the transport adds only
/// <c>Host</c> and <c>Content-Length</c>, which <see cref="RawHttpRenderer"/> renders too.
/// </summary>
public sealed record WebhookRequest
{
    public required string Method { get; init; }

    public required Uri Url { get; init; }

    /// <summary>Request headers in send order, excluding Host, Content-Type and Content-Length.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The body's media type; null when there is no body.</summary>
    public string? ContentType { get; init; }

    public ReadOnlyMemory<byte> Body { get; init; } = ReadOnlyMemory<byte>.Empty;

    /// <summary>Header names whose values must never appear in any output (case-insensitive).</summary>
    public IReadOnlySet<string> SecretHeaders { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Secret values that may appear inside the URL or body and must be masked in outputs.</summary>
    public IReadOnlyList<string> SecretValues { get; init; } = [];

    public bool HasBody => ContentType is not null;
}
