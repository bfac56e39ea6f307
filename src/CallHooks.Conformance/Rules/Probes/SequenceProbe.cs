using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Rules.Probes;

/// <summary>
/// DUP-001, ORDER-001 and ORDER-002: a fresh call's events sent in an order real providers produce through retries
/// and parallel delivery (each event twice; the last two swapped; an early event again after the end). Every
/// delivery is genuine, so each must get a 2xx within the budget.
/// </summary>
internal sealed class SequenceProbe(Rule rule, Func<int, IReadOnlyList<(int Index, string Probe)>> order, int minimumSteps) : RuleProbe(rule)
{
    public static IReadOnlyList<(int, string)> EachTwice(int steps) =>
        Enumerable.Range(0, steps).SelectMany(index => new[] { (index, "first delivery"), (index, "duplicate (provider retry)") }).ToList();

    public static IReadOnlyList<(int, string)> LastTwoSwapped(int steps) =>
        Enumerable.Range(0, steps - 2).Select(index => (index, "in order"))
            .Append((steps - 1, "final event before the previous one"))
            .Append((steps - 2, "arrives after the final event"))
            .ToList();

    public static IReadOnlyList<(int, string)> LateRetry(int steps) =>
        Enumerable.Range(0, steps).Select(index => (index, "in order")).Append((0, "late retry of the first event, after the final one")).ToList();

    public override string? NotApplicable(RuleContext context) =>
        context.SentSteps.Count < minimumSteps ? $"the scenario sends fewer than {minimumSteps} events under this configuration" : null;

    public override async Task<RuleResult> CheckAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var sender = new ProbeSender(context, Rule);
        var deliveries = new List<DeliveryResult>();
        // The order is worked out over the sent events only, then mapped back to their steps in the scenario.
        foreach (var (position, probe) in order(sender.Sent.Count))
        {
            var index = sender.Sent[position];
            deliveries.Add(await sender.SendAsync(index, sender.Build(index), probe, sender.Accepted, cancellationToken).ConfigureAwait(false));
        }
        return Verdict(context, ProbeSender.Failures(deliveries), deliveries);
    }
}
