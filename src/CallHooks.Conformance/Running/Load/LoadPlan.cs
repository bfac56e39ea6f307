namespace CallHooks.Conformance.Running.Load;

/// <summary>A validated load run: the conformance plan (scenarios, target, seed, clock) plus the schedule and cap.</summary>
internal sealed record LoadPlan
{
    /// <summary>Scenarios (played round robin), configuration, seed and call-time start; its parallelism is unused.</summary>
    public required RunPlan Run { get; init; }

    public required LoadSchedule Schedule { get; init; }

    /// <summary>At most this many calls in progress; a due call waits for a free slot.</summary>
    public required int Concurrency { get; init; }

    /// <summary>
    /// Factor applied to the scenarios' <c>after</c> pauses in wall-clock time (1 = as written, 0 = none). Event
    /// times written into payloads always follow the scenario, so a compressed call still reads as the real one.
    /// </summary>
    public double Pace { get; init; } = 1;

    /// <summary>Failing calls kept in full for results.json; further failures are only counted and logged.</summary>
    public int KeepFailures { get; init; } = 100;

    /// <summary>Passing calls kept in full as a sample (chosen uniformly with a seeded reservoir).</summary>
    public int KeepSample { get; init; } = 20;
}
