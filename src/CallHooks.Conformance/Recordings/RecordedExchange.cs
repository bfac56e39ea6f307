namespace CallHooks.Conformance.Recordings;

/// <summary>One header as recorded: its name in the case the recording kept, and its value.</summary>
internal sealed record RecordedHeader(string Name, string Value);

/// <summary>What the listener answered to a recorded request.</summary>
internal sealed record RecordedResponse(int Status, IReadOnlyList<RecordedHeader> Headers, string Body);

/// <summary>
/// One request a provider sent (or a tool captured), with the listener's answer when there was one: the unit every
/// recording format is read into (callhooks recordings, WireMock journals and mappings, HAR files).
/// </summary>
internal sealed record RecordedExchange
{
    /// <summary>Where it was read from, for messages: <c>file.har entry 3</c>.</summary>
    public required string Origin { get; init; }

    /// <summary>When the request arrived; pauses between a call's events are measured from these.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>True when the format records no time (WireMock mappings): <see cref="At"/> only keeps the file's order, and no pause is known.</summary>
    public bool TimeUnknown { get; init; }

    public required string Method { get; init; }

    /// <summary>Path and query string as sent, e.g. <c>/hook?uid=1</c>.</summary>
    public required string Target { get; init; }

    /// <summary>Request headers in the order the recording kept (Host and Content-Length included when recorded).</summary>
    public IReadOnlyList<RecordedHeader> Headers { get; init; } = [];

    /// <summary>The body's bytes as they arrived; empty when there was none.</summary>
    public byte[] Body { get; init; } = [];

    public RecordedResponse? Response { get; init; }

    /// <summary>Why there is no response (the listener refused the connection, timed out); null when there is one.</summary>
    public string? Error { get; init; }

    /// <summary>How long the listener took to answer, when recorded.</summary>
    public double? DurationMs { get; init; }

    /// <summary>The first value of header <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(header => header.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value;

    /// <summary>The media type without parameters, lower case; null without a Content-Type.</summary>
    public string? MediaType => Header("Content-Type")?.Split(';')[0].Trim().ToLowerInvariant();
}
