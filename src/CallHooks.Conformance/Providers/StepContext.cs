using CallHooks.Conformance.Calls;
using CallHooks.Conformance.Scenarios;

namespace CallHooks.Conformance.Providers;

/// <summary>Everything a profile may use to build one request.</summary>
/// <param name="Call">The generated call.</param>
/// <param name="Step">The scenario step being sent.</param>
/// <param name="Index">Zero-based position of the step in the scenario.</param>
/// <param name="EventTime">When the event happens in call time: call start plus the scheduled pauses.</param>
internal sealed record StepContext(Call Call, ScenarioStep Step, int Index, DateTimeOffset EventTime)
{
    /// <summary>
    /// What a profile works out once per call and reuses for each of its events. The runners give all steps of a
    /// call one memo; any other context has none, and a profile then works everything out for the one request.
    /// </summary>
    public CallMemo? Memo { get; init; }
}
