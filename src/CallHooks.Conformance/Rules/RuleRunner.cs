namespace CallHooks.Conformance.Rules;

/// <summary>Checks the selected rules for one scenario, after its call has run. A rule that cannot apply says why.</summary>
public static class RuleRunner
{
    public static async Task<IReadOnlyList<RuleResult>> CheckAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var results = new List<RuleResult>();
        foreach (var probe in RuleCatalog.Selected(context.Options, context.Scenario.Provider))
        {
            if (cancellationToken.IsCancellationRequested)
                break;
            if (probe.NotApplicable(context) is { } reason)
            {
                results.Add(new RuleResult { Rule = probe.Rule, Provider = context.Scenario.Provider, Scenario = context.Scenario.Name, NotApplicable = reason });
                continue;
            }

            results.Add(await probe.CheckAsync(context, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }
}
