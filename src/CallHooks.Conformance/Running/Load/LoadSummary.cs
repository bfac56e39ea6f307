namespace CallHooks.Conformance.Running.Load;

/// <summary>What a load run measured, computed incrementally: nothing here grows with the number of deliveries.</summary>
internal sealed record LoadSummary
{
    public required double TargetRate { get; init; }

    /// <summary>Calls started per second: (started − 1) over the time from the first start to the last.</summary>
    public required double AchievedRate { get; init; }

    public required int Concurrency { get; init; }

    public required long CallsStarted { get; init; }

    public required long CallsCompleted { get; init; }

    public required long CallsFailed { get; init; }

    /// <summary>Calls the run's interruption cut short: neither completed nor failed.</summary>
    public long CallsInterrupted { get; init; }

    /// <summary>Deliveries in flight the interruption cut off after its grace: not counted in <see cref="Deliveries"/>.</summary>
    public long DeliveriesCutOff { get; init; }

    public required long Deliveries { get; init; }

    public required long DeliveriesFailed { get; init; }

    /// <summary>Deliveries completed per second of the whole run.</summary>
    public required double DeliveriesPerSecond { get; init; }

    public required TimeSpan Elapsed { get; init; }

    /// <summary>All deliveries, latency from the intended send time (coordinated omission corrected).</summary>
    public required LatencyPercentiles Latency { get; init; }

    /// <summary>All deliveries, latency from the actual send.</summary>
    public required LatencyPercentiles Sent { get; init; }

    public required IReadOnlyList<LoadGroupSummary> ByProvider { get; init; }

    public required IReadOnlyList<LoadGroupSummary> ByEvent { get; init; }

    /// <summary>Failed deliveries by reason, most frequent first.</summary>
    public required IReadOnlyList<KeyValuePair<string, long>> Errors { get; init; }

    public long CallsInProgress => CallsStarted - CallsCompleted;

    /// <summary>Failed deliveries as a fraction of all deliveries (0 when none completed).</summary>
    public double ErrorRate => Deliveries == 0 ? 0 : (double)DeliveriesFailed / Deliveries;
}
