using CallHooks.Conformance.Scenarios;

namespace CallHooks.Conformance.Rules.Probes;

/// <summary>
/// TIME-001 and TIME-002: every scenario delivery was answered within a budget: the provider's own (after which
/// it counts the delivery as failed and retries) or the tighter one a listener should keep to.
/// </summary>
internal sealed class LatencyProbe(Rule rule, Func<RuleContext, TimeSpan> budget, string budgetName) : RuleProbe(rule)
{
    public override Task<RuleResult> CheckAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var limit = budget(context);
        var failures = new List<string>();
        foreach (var delivery in context.Result.Deliveries)
        {
            if (delivery.Observation.Failure is { Kind: Delivery.FailureKind.Timeout } timedOut)
                failures.Add($"event {delivery.Event}: no response within {budgetName} {DurationText.Format(limit)}: {timedOut.Message}");
            else if (delivery.Observation.Failure is { } failure)
                // It came in time, so the budget was not what failed: say when, and what was wrong instead.
                failures.Add(
                    $"event {delivery.Event}: failed after {delivery.Observation.LatencyMs:0} ms, in time for {budgetName} {DurationText.Format(limit)} but with no valid answer: {failure.Message}"
                );
            else if (delivery.Observation.LatencyMs > limit.TotalMilliseconds)
                failures.Add(
                    $"event {delivery.Event}: answered in {delivery.Observation.LatencyMs:0} ms, over {budgetName} {DurationText.Format(limit)}"
                );
        }

        return Task.FromResult(Verdict(context, failures));
    }
}
