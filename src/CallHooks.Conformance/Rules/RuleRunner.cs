namespace CallHooks.Conformance.Rules;

/// <summary>Checks the selected rules for one scenario, after its call has run. A rule that cannot apply says why.</summary>
internal static class RuleRunner
{
    public static async Task<IReadOnlyList<RuleResult>> CheckAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var results = new List<RuleResult>();
        // Evidence quotes what the listener sent back (a record, a CRM push); it may echo our credentials.
        var secrets = Secrets.ObservationRedaction.Secrets(context.Profile, context.Config);
        foreach (var probe in RuleCatalog.Selected(context.Options, context.Scenario.Provider))
        {
            if (cancellationToken.IsCancellationRequested)
                break;
            if (
                (
                    context.SentSteps.Count == 0
                        ? "no event of the scenario is sent under this configuration"
                        : probe.NotApplicable(context)
                ) is
                { } reason
            )
            {
                results.Add(
                    new RuleResult
                    {
                        Rule = probe.Rule,
                        Provider = context.Scenario.Provider,
                        Scenario = context.Scenario.Name,
                        NotApplicable = reason,
                    }
                );
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

            results.Add(
                result with
                {
                    Failures = result.Failures.Select(text => Secrets.Redactor.Text(secrets, text)).ToList(),
                    Evidence = result.Evidence.Select(text => Secrets.Redactor.Text(secrets, text)).ToList(),
                    Unchecked = result.Unchecked
                        ?? (
                            probe.Rule.Judges is RuleJudges.AnswerAndData && result.Data is DataJudgement.None
                                ? "the listener's records: "
                                    + (
                                        context.Options.VerifyUrl is null
                                            ? "no --verify-url given, so it judged the answers alone"
                                            : "not read by this rule"
                                    )
                                : null
                        ),
                }
            );
        }

        return results;
    }

    /// <summary>
    /// The rules checked once every scenario has run (<see cref="RuleCatalog.SelectedAtRunEnd"/>), each result appended to
    /// its scenario's. Evidence is masked as for per-scenario rules.
    /// </summary>
    public static async Task<IReadOnlyList<IReadOnlyList<RuleResult>>> CheckAtRunEndAsync(
        IReadOnlyList<RuleContext> contexts,
        CancellationToken cancellationToken
    )
    {
        var perScenario = contexts.Select(_ => new List<RuleResult>()).ToList();
        if (contexts.Count == 0)
            return perScenario;
        foreach (var probe in RuleCatalog.SelectedAtRunEnd(contexts[0].Options))
        {
            if (cancellationToken.IsCancellationRequested)
                break;
            var results = await probe.CheckAllAsync(contexts, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < contexts.Count; i++)
            {
                var secrets = Secrets.ObservationRedaction.Secrets(contexts[i].Profile, contexts[i].Config);
                perScenario[i]
                    .Add(
                        results[i] with
                        {
                            Failures = results[i].Failures.Select(text => Secrets.Redactor.Text(secrets, text)).ToList(),
                            Evidence = results[i].Evidence.Select(text => Secrets.Redactor.Text(secrets, text)).ToList(),
                        }
                    );
            }
        }

        return perScenario;
    }
}
