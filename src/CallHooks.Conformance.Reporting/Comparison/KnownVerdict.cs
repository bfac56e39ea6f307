using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Reporting.Comparison;

/// <summary>Whether a failed scenario is a known failure: its cell is listed, or it failed only by MUST rules that all are.</summary>
internal static class KnownVerdict
{
    /// <summary>Why the failure is known, or null when it is not (or the scenario did not fail).</summary>
    public static string? Reason(ScenarioResult scenario, IReadOnlyDictionary<string, string> known)
    {
        if (scenario.Passed || scenario.NotSent || scenario.Interrupted || known.Count == 0)
            return null;
        var id = Cell.Id(scenario);
        if (known.TryGetValue(id, out var reason))
            return reason;
        if (!scenario.Deliveries.All(delivery => delivery.Passed))
            return null;
        var broken = scenario.Rules.Where(rule => rule.FailsRun).Select(rule => $"{rule.Rule.Id} {id}").Distinct().ToList();
        return broken.Count > 0 && broken.All(known.ContainsKey) ? string.Join("; ", broken.Select(rule => known[rule])) : null;
    }

    /// <summary>True when every failure of the run is known, and it ran whole: a run that fails only where the team knows it does passes.</summary>
    public static bool OnlyKnownFailures(RunResult result) =>
        !result.Interrupted
        && result.InterruptedScenarios == 0
        && result
            .Scenarios.Where(scenario => !scenario.Passed && !scenario.NotSent)
            .All(scenario => Reason(scenario, result.Known) is not null);
}
