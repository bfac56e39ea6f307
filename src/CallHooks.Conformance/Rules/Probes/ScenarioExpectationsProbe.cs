namespace CallHooks.Conformance.Rules.Probes;

/// <summary>CORE-001: every event of the scenario got the answer the scenario expects (by default a 2xx).</summary>
internal sealed class ScenarioExpectationsProbe(Rule rule) : RuleProbe(rule)
{
    public override Task<RuleResult> CheckAsync(RuleContext context, CancellationToken cancellationToken) =>
        Task.FromResult(
            Verdict(
                context,
                context
                    .Result.Deliveries.Where(delivery => !delivery.Passed)
                    .SelectMany(delivery => delivery.Failures.Select(failure => $"event {delivery.Event}: {failure}"))
                    .ToList()
            )
        );
}
