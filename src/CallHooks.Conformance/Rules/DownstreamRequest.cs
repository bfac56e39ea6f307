namespace CallHooks.Conformance.Rules;

/// <summary>
/// One request the listener sent to the mock CRM, and what the mock CRM answered: <paramref name="Status"/> is null
/// when a mapping answered with a fault (an empty or malformed response) instead of a status, and
/// <paramref name="AnsweredIn"/> is how long the CRM took, a mapping's delay included.
/// </summary>
internal sealed record DownstreamRequest(
    DateTimeOffset ReceivedAt,
    string Method,
    string Path,
    string Body,
    int? Status = 200,
    TimeSpan AnsweredIn = default
)
{
    /// <summary>A CRM answer a listener has to survive: a 5xx, a broken response, or one slower than <paramref name="slow"/>.</summary>
    public bool Troubled(TimeSpan slow) => Status is null or >= 500 || AnsweredIn >= slow;

    /// <summary>The CRM's answer in words: <c>503 in 2 ms</c>, <c>a broken response (no status) in 1 ms</c>.</summary>
    public string Answer =>
        (Status is { } status ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : "a broken response (no status)")
        + $" in {AnsweredIn.TotalMilliseconds:0} ms";

    /// <summary>The request as evidence: method, path, arrival, body, and the CRM's answer.</summary>
    public override string ToString() => $"{Method} {Path} at {ReceivedAt:O}: {Body} (the CRM answered {Answer})";
}
