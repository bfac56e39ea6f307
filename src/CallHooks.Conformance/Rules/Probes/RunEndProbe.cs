namespace CallHooks.Conformance.Rules.Probes;

/// <summary>
/// A rule checked once every scenario has run, across all of them: what only the whole run can show, such as one
/// call's webhook changing another call's record. Each scenario still gets its own result.
/// </summary>
internal abstract class RunEndProbe(Rule rule)
{
    public Rule Rule { get; } = rule;

    /// <summary>One result per context, in order.</summary>
    public abstract Task<IReadOnlyList<RuleResult>> CheckAllAsync(IReadOnlyList<RuleContext> contexts, CancellationToken cancellationToken);
}
