using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Rules.Probes;

/// <summary>The check behind one rule: judges a scenario's own deliveries, or sends probes of its own.</summary>
internal abstract class RuleProbe(Rule rule)
{
    public Rule Rule { get; } = rule;

    /// <summary>Why the rule cannot be checked for this scenario and configuration; null when it can.</summary>
    public virtual string? NotApplicable(RuleContext context) => null;

    public abstract Task<RuleResult> CheckAsync(RuleContext context, CancellationToken cancellationToken);

    protected RuleResult Verdict(
        RuleContext context,
        IReadOnlyList<string> failures,
        IReadOnlyList<DeliveryResult>? deliveries = null,
        IReadOnlyList<string>? evidence = null
    ) =>
        new()
        {
            Rule = Rule,
            Provider = context.Scenario.Provider,
            Scenario = context.Scenario.Name,
            Failures = failures,
            Deliveries = deliveries ?? [],
            Evidence = evidence ?? [],
        };
}
