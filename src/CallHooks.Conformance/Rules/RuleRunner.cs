namespace CallHooks.Conformance.Rules;

/// <summary>Checks the selected rules for one scenario, after its call has run. A rule that cannot apply says why.</summary>
public static class RuleRunner
{
    public static async Task<IReadOnlyList<RuleResult>> CheckAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var results = new List<RuleResult>();
        // Evidence quotes what the listener sent back (a record, a CRM push); it may echo our credentials.
        var secrets = Running.ObservationRedaction.Secrets(context.Profile, context.Config);
        foreach (var probe in RuleCatalog.Selected(context.Options, context.Scenario.Provider))
        {
            if (cancellationToken.IsCancellationRequested)
                break;
            if ((context.SentSteps.Count == 0 ? "no event of the scenario is sent under this configuration" : probe.NotApplicable(context)) is { } reason)
            {
                results.Add(new RuleResult { Rule = probe.Rule, Provider = context.Scenario.Provider, Scenario = context.Scenario.Name, NotApplicable = reason });
                continue;
            }

            RuleResult result;
            try
            {
                result = await probe.CheckAsync(context, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Interrupted mid-probe: the scenario's own result is kept; unfinished rules are simply not reported.
                break;
            }

            results.Add(result with
            {
                Failures = result.Failures.Select(text => Wire.Redactor.Text(secrets, text)).ToList(),
                Evidence = result.Evidence.Select(text => Wire.Redactor.Text(secrets, text)).ToList(),
            });
        }

        return results;
    }
}
