using System.Globalization;
using CallHooks.Conformance.Results;
using CallHooks.Conformance.Rules.Records;

namespace CallHooks.Conformance.Rules.Probes;

/// <summary>
/// SIDE-002: one call makes one record. A fresh call is played event by event with the call's records read after each,
/// then its final event is sent again as a provider's retry. The first event that left more than one record is named,
/// so a listener that creates a record per event is told so, not blamed on the duplicate; a duplicate that adds a record
/// or changes a stored field is named too.
/// </summary>
internal sealed class RecordCountProbe(Rule rule) : RuleProbe(rule)
{
    public override string? NotApplicable(RuleContext context) => context.Options.VerifyUrl is null ? "no --verify-url given" : null;

    public override async Task<RuleResult> CheckAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var sender = new ProbeSender(context, Rule);
        var judge = new RecordJudge(context);
        var deliveries = new List<DeliveryResult>();
        var readings = new List<(string Event, RecordSnapshot Snapshot)>();
        foreach (var index in sender.Sent)
        {
            deliveries.Add(
                await sender.SendAsync(index, sender.Build(index), "in order", sender.Accepted, cancellationToken).ConfigureAwait(false)
            );
            readings.Add(
                (context.Scenario.Steps[index].Event, (await judge.SnapshotAsync(sender.Call, cancellationToken).ConfigureAwait(false))!)
            );
        }

        var finalEvent = context.Scenario.Steps[sender.Last].Event;
        deliveries.Add(
            await sender
                .SendAsync(
                    sender.Last,
                    sender.Build(sender.Last),
                    "duplicate of the final event (provider retry)",
                    sender.Accepted,
                    cancellationToken
                )
                .ConfigureAwait(false)
        );
        var afterDuplicate = (await judge.SnapshotAsync(sender.Call, cancellationToken).ConfigureAwait(false))!;

        var failures = ProbeSender.Failures(deliveries).ToList();
        var unreadable = readings
            .Select(reading => reading.Snapshot)
            .Append(afterDuplicate)
            .FirstOrDefault(snapshot => snapshot.Unreadable is not null);
        if (unreadable is not null)
            failures.Add(unreadable.Unreadable!);
        else if (readings.FindIndex(reading => reading.Snapshot.Count > 1) is var first and >= 0)
        {
            failures.Add(
                $"event {readings[first].Event} (event {first + 1} of {readings.Count} of the call, before any duplicate was sent) left {readings[first].Snapshot.Count} records for one call: "
                    + "it created a record instead of updating the call's record"
            );
        }
        else if (readings[^1].Snapshot.Count == 0)
            failures.Add($"after all {readings.Count} events of the call the listener holds no record of it");
        else
            failures.AddRange(
                judge.Unchanged(readings[^1].Snapshot, afterDuplicate, $"the duplicate of the final event {finalEvent}", sender.Call)
            );

        var counts =
            string.Join(
                ", ",
                readings.Select(reading => $"{reading.Snapshot.Count.ToString(CultureInfo.InvariantCulture)} after {reading.Event}")
            ) + $"; {afterDuplicate.Count.ToString(CultureInfo.InvariantCulture)} after the duplicate of {finalEvent}";
        return Verdict(context, failures, deliveries, ["records held for the call: " + counts, afterDuplicate.Describe()]) with
        {
            Data = DataJudgement.Record,
        };
    }
}
