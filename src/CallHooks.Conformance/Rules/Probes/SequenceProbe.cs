using CallHooks.Conformance.Results;
using CallHooks.Conformance.Rules.Records;

namespace CallHooks.Conformance.Rules.Probes;

/// <summary>
/// DUP-001, ORDER-001 and ORDER-002: a fresh call's events sent in an order real providers produce through retries
/// and parallel delivery (each event twice; the last two swapped; an early event again after the end). Every
/// delivery is genuine, so each must get a 2xx within the budget. Where records can be read (<c>--verify-url</c>), the
/// records are judged too: a duplicate must leave them as the first delivery did, and after events out of order the
/// call must have one record in its final state.
/// </summary>
internal sealed class SequenceProbe(Rule rule, SequenceOrder order, int minimumSteps) : RuleProbe(rule)
{
    private const string Duplicate = "duplicate (provider retry)";

    private Func<int, IReadOnlyList<(int Index, string Probe)>> Order =>
        order switch
        {
            SequenceOrder.EachTwice => EachTwice,
            SequenceOrder.LastTwoSwapped => LastTwoSwapped,
            _ => LateRetry,
        };

    private static IReadOnlyList<(int, string)> EachTwice(int steps) =>
        Enumerable.Range(0, steps).SelectMany(index => new[] { (index, "first delivery"), (index, Duplicate) }).ToList();

    private static IReadOnlyList<(int, string)> LastTwoSwapped(int steps) =>
        Enumerable
            .Range(0, steps - 2)
            .Select(index => (index, "in order"))
            .Append((steps - 1, "final event before the previous one"))
            .Append((steps - 2, "arrives after the final event"))
            .ToList();

    private static IReadOnlyList<(int, string)> LateRetry(int steps) =>
        Enumerable
            .Range(0, steps)
            .Select(index => (index, "in order"))
            .Append((0, "late retry of the first event, after the final one"))
            .ToList();

    public override string? NotApplicable(RuleContext context) =>
        context.SentSteps.Count < minimumSteps ? $"the scenario sends fewer than {minimumSteps} events under this configuration" : null;

    public override async Task<RuleResult> CheckAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var sender = new ProbeSender(context, Rule);
        var judge = new RecordJudge(context);
        var deliveries = new List<DeliveryResult>();
        var recordFailures = new List<string>();
        Records.RecordSnapshot? beforeDuplicate = null;
        // The order is worked out over the sent events only, then mapped back to their steps in the scenario.
        foreach (var (position, probe) in Order(sender.Sent.Count))
        {
            var index = sender.Sent[position];
            deliveries.Add(
                await sender.SendAsync(index, sender.Build(index), probe, sender.Accepted, cancellationToken).ConfigureAwait(false)
            );
            if (!judge.Reader.CanRead || order is not SequenceOrder.EachTwice)
                continue;
            var snapshot = (await judge.SnapshotAsync(sender.Call, cancellationToken).ConfigureAwait(false))!;
            if (probe == Duplicate && beforeDuplicate is not null)
                recordFailures.AddRange(
                    judge.Unchanged(beforeDuplicate, snapshot, $"the duplicate of event {context.Scenario.Steps[index].Event}", sender.Call)
                );
            beforeDuplicate = snapshot;
        }

        if (judge.Reader.CanRead && order is not SequenceOrder.EachTwice)
        {
            var final = (await judge.SnapshotAsync(sender.Call, cancellationToken).ConfigureAwait(false))!;
            recordFailures.AddRange(
                judge.FinalState(
                    final,
                    sender.Call,
                    order is SequenceOrder.LastTwoSwapped
                        ? "the final event arrived before the one before it"
                        : "a late retry of the first event"
                )
            );
        }

        return Verdict(context, [.. ProbeSender.Failures(deliveries), .. recordFailures.Distinct()], deliveries) with
        {
            Data = judge.Reader.CanRead ? DataJudgement.Record : DataJudgement.None,
        };
    }
}
