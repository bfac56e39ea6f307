using System.Globalization;
using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Reporting.Text;

/// <summary>What an interruption left, in the same words in every report: the console, report.md, junit.xml and the page.</summary>
internal static class InterruptionText
{
    /// <summary>E.g. <c>2 of 4 events completed; the run was stopped before the call was whole</c>.</summary>
    public static string ForScenario(ScenarioResult scenario)
    {
        var cutOff = scenario.Deliveries.Count(delivery => delivery.Observation.Failure?.Kind is FailureKind.Cancelled);
        var events = scenario.Deliveries.Count + scenario.Skipped.Count + scenario.Unsent;
        var completed = scenario.Deliveries.Count + scenario.Skipped.Count - cutOff;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"interrupted: {completed} of {events} events completed; the run was stopped before the call was whole"
        );
    }

    /// <summary>E.g. <c>3 of 7 scenarios completed, 1 cut short, 3 not started</c>, or for a load run what its figures cover.</summary>
    public static string ForRun(RunResult result) =>
        result.Load is { } load
            ? string.Create(CultureInfo.InvariantCulture, $"{load.Summary.CallsStarted} calls started; the figures cover what completed")
            : string.Create(
                CultureInfo.InvariantCulture,
                $"{result.Scenarios.Count - result.InterruptedScenarios} of {result.Planned ?? result.Scenarios.Count} scenarios completed, "
                    + $"{result.InterruptedScenarios} cut short, {result.NotStarted} not started"
            );
}
