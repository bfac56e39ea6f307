namespace CallHooks.Conformance.Delivery;

/// <summary>
/// What happened to one request: a response or a failure, never an exception. Times are measured with a
/// monotonic clock from the moment the request was handed to the transport.
/// </summary>
internal sealed record Observation
{
    /// <summary>Wall-clock time the request was sent (from the run's <see cref="TimeProvider"/>).</summary>
    public required DateTimeOffset SentAt { get; init; }

    public ObservedResponse? Response { get; init; }

    public ObservedFailure? Failure { get; init; }

    /// <summary>Milliseconds from send to the end of the response body, or to the failure (a timeout fails at the budget).</summary>
    public required double LatencyMs { get; init; }

    /// <summary>For a delivery that timed out: what the listener did after the budget while callhooks kept reading; null otherwise.</summary>
    public LateAnswer? Late { get; init; }

    /// <summary>
    /// When the request was handed to the transport, as a timestamp of the run's <see cref="TimeProvider"/>: orders the
    /// deliveries of one run against each other (head-of-line blocking); 0 when not recorded.
    /// </summary>
    public long StartTimestamp { get; init; }

    /// <summary>Milliseconds from sending until the listener's answer was complete, late answers included; null when none came.</summary>
    public double? AnsweredAfterMs =>
        Response is not null ? LatencyMs
        : Late is { Complete: true } late ? late.AfterMs
        : null;
}
