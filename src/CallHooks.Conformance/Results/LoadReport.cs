using CallHooks.Conformance.Running.Load;

namespace CallHooks.Conformance.Results;

/// <summary>
/// The load part of a run's result. In a load run <see cref="RunResult.Scenarios"/> holds only the calls kept in
/// full (failures up to a cap and a sample); the counts and percentiles of every call are here.
/// </summary>
internal sealed record LoadReport
{
    public required LoadSummary Summary { get; init; }

    /// <summary>Factor applied to the scenarios' pauses (1 as written, 0 none).</summary>
    public required double Pace { get; init; }

    public required IReadOnlyList<ThresholdVerdict> Thresholds { get; init; }

    /// <summary>The NDJSON file every delivery was streamed to, relative to the report folder; null when not written.</summary>
    public string? DeliveryLog { get; init; }

    /// <summary>Cap on failing calls kept in full.</summary>
    public required int KeepFailures { get; init; }

    /// <summary>Size of the sample of passing calls kept in full.</summary>
    public required int KeepSample { get; init; }

    /// <summary>Failing calls beyond the cap: in the delivery log only.</summary>
    public required long FailuresDropped { get; init; }

    public bool ThresholdsHeld => Thresholds.All(verdict => verdict.Passed);
}
