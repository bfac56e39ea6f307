using CallHooks.Conformance.Running.Load;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>A validated load run: how many calls, how fast, how many at once, and what counts as passing.</summary>
internal sealed record LoadSettings
{
    public long? Calls { get; init; }

    public TimeSpan? Duration { get; init; }

    public required double Rate { get; init; }

    public required int Concurrency { get; init; }

    public required double Pace { get; init; }

    /// <summary>As given; when empty, the run fails on any failed delivery (see <see cref="EffectiveThresholds"/>).</summary>
    public required IReadOnlyList<Threshold> Thresholds { get; init; }

    /// <summary>Without --threshold every delivery must pass, as in a conformance run.</summary>
    public IReadOnlyList<Threshold> EffectiveThresholds => Thresholds.Count > 0 ? Thresholds : [NoFailedDelivery];

    private static readonly Threshold NoFailedDelivery = new("errors<=0", ThresholdMetric.Errors, "<=", 0, IsPercent: false);

    public LoadSchedule Schedule() => new(Rate, Calls, Duration);
}
