using CallHooks.Conformance.Delivery;

namespace CallHooks.Conformance.Results;

/// <summary>One event of a call: the request as sent (secrets redacted), what came back, and the verdict.</summary>
public sealed record DeliveryResult
{
    /// <summary>The provider's event id, e.g. call_state <c>"6"</c>.</summary>
    public required string Event { get; init; }

    /// <summary>For a rule's probe, what was done to the request (e.g. <c>without credentials</c>); null for scenario deliveries.</summary>
    public string? Probe { get; init; }

    /// <summary>Zero-based position in the scenario.</summary>
    public required int Index { get; init; }

    /// <summary>When the event happens in call time (the time written into the payload).</summary>
    public required DateTimeOffset EventTime { get; init; }

    public required RequestRecord Request { get; init; }

    public required Observation Observation { get; init; }

    /// <summary>The expectation that was applied, in words (e.g. <c>status 2xx within 5s</c>).</summary>
    public required string Expected { get; init; }

    /// <summary>Each failed expectation as a sentence; empty when the delivery passed.</summary>
    public required IReadOnlyList<string> Failures { get; init; }

    /// <summary>Attempts before the judged one (Twilio's first try without credentials); empty for most deliveries.</summary>
    public IReadOnlyList<DeliveryAttempt> EarlierAttempts { get; init; } = [];

    /// <summary>
    /// Set when this delivery was slow only because the listener was still busy with an earlier one (head-of-line
    /// blocking), naming that delivery; null otherwise. See <see cref="Running.HeadOfLineBlocking"/>.
    /// </summary>
    public string? QueuedBehind { get; init; }

    public bool Passed => Failures.Count == 0;
}

/// <summary>A request as recorded in outputs: method, URL and headers with secrets masked, body as text.</summary>
public sealed record RequestRecord(
    string Method,
    string Url,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? ContentType)
{
    // The body as sent and the secrets to mask in it, until someone reads Body. A load run records every delivery
    // but keeps only failing and sampled calls in full, so most bodies are never shown: turning each into a masked
    // string up front cost a kilobyte or more per delivery for nothing.
    private readonly ReadOnlyMemory<byte> utf8Body;
    private readonly IReadOnlyList<string> secrets = [];
    private string? body;

    public RequestRecord(string method, string url, IReadOnlyList<KeyValuePair<string, string>> headers, string? contentType, string body)
        : this(method, url, headers, contentType) =>
        this.body = body;

    /// <summary>
    /// A record whose body text is decoded from <paramref name="utf8Body"/> and masked when first read. The record
    /// takes the memory over: it must be the request's own bytes, never changed afterwards (not a pooled or scratch
    /// buffer), or the body shown later would be another request's.
    /// </summary>
    internal RequestRecord(string method, string url, IReadOnlyList<KeyValuePair<string, string>> headers, string? contentType, ReadOnlyMemory<byte> utf8Body, IReadOnlyList<string> secrets)
        : this(method, url, headers, contentType)
    {
        this.utf8Body = utf8Body;
        this.secrets = secrets;
    }

    /// <summary>The body as UTF-8 text, secrets masked.</summary>
    public string Body => body ??= Secrets.Redactor.Text(secrets, System.Text.Encoding.UTF8.GetString(utf8Body.Span));

    public bool Equals(RequestRecord? other) =>
        other is not null && Method == other.Method && Url == other.Url && Headers.SequenceEqual(other.Headers)
        && ContentType == other.ContentType && Body == other.Body;

    public override int GetHashCode() => HashCode.Combine(Method, Url, ContentType, Body);
}
