using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Running.Load;

/// <summary>The outcome of a load run: its summary and the calls kept in full.</summary>
/// <param name="Summary">Counts, rates and percentiles.</param>
/// <param name="Calls">Failing calls up to the cap, and the sample of passing ones, in call order.</param>
/// <param name="FailuresDropped">Failing calls not kept because the cap was reached (they are in the delivery log).</param>
internal sealed record LoadRunResult(LoadSummary Summary, IReadOnlyList<ScenarioResult> Calls, long FailuresDropped)
{
    /// <summary>Why the caller's sink stopped receiving deliveries (it threw), or null when it received them all.</summary>
    public string? SinkError { get; init; }
}
