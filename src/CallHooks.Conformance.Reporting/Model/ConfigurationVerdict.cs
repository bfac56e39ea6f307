using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Reporting.Model;

/// <summary>
/// How one <c>--matrix</c> configuration went: its scenarios passed and failed, and the MUST rules broken in it. The
/// per-provider sentence ("compatible with POST form, POST json; fails GET: 7 scenarios") is built from these.
/// </summary>
internal sealed record ConfigurationVerdict(ConfigurationResult Configuration, int Passed, int Failed, int RulesBroken)
{
    public static IReadOnlyList<ConfigurationVerdict> Of(RunResult result) =>
        (result.Configurations ?? [])
            .Select(configuration =>
            {
                var scenarios = result
                    .Scenarios.Where(scenario =>
                        scenario.Provider == configuration.Provider && scenario.ConfigurationLabel == configuration.Label
                    )
                    .ToList();
                return new ConfigurationVerdict(
                    configuration,
                    scenarios.Count(scenario => scenario.Passed),
                    scenarios.Count(scenario => !scenario.Passed && !scenario.NotSent && !scenario.Interrupted),
                    scenarios.Sum(scenario => scenario.Rules.Count(rule => rule.FailsRun))
                );
            })
            .ToList();

    /// <summary>Per provider: "myoperator-incall: compatible with method=POST · encoding=form; fails method=GET · encoding=- (7 scenarios)".</summary>
    public static IReadOnlyList<string> Sentences(RunResult result) =>
        Of(result)
            .GroupBy(verdict => verdict.Configuration.Provider, StringComparer.Ordinal)
            .Select(provider =>
            {
                var compatible = provider
                    .Where(verdict => verdict.Failed == 0 && verdict.Passed > 0)
                    .Select(verdict => verdict.Configuration.Label)
                    .ToList();
                var failing = provider
                    .Where(verdict => verdict.Failed > 0)
                    .Select(verdict =>
                        $"{verdict.Configuration.Label} ({verdict.Failed} {(verdict.Failed == 1 ? "scenario" : "scenarios")})"
                    )
                    .ToList();
                var parts = new List<string>();
                if (compatible.Count > 0)
                    parts.Add("compatible with " + string.Join("; ", compatible));
                if (failing.Count > 0)
                    parts.Add("fails " + string.Join("; ", failing));
                return $"{provider.Key}: {(parts.Count == 0 ? "nothing was sent" : string.Join("; ", parts))}";
            })
            .ToList();
}
