using CallHooks.Conformance.Calls;
using CallHooks.Conformance.Generation;
using CallHooks.Conformance.Rules.Records;

namespace CallHooks.Conformance.Rules.Probes;

/// <summary>
/// SIDE-004: at the end of the run every call's record still holds its own call. Each call's record was read right after
/// its own events (SIDE-001); a listener whose webhook for one call updates another call's record ("the newest record",
/// "the last open lead") passes that and corrupts the other call later. So every record is read again once every
/// scenario has run, and one that now names another call's caller fails with both calls named.
/// </summary>
internal sealed class FinalRecordsProbe(Rule rule) : RunEndProbe(rule)
{
    public override async Task<IReadOnlyList<RuleResult>> CheckAllAsync(
        IReadOnlyList<RuleContext> contexts,
        CancellationToken cancellationToken
    )
    {
        var calls = contexts
            .Select(context => CallGenerator.Generate(context.Scenario, context.Plan.Seed, context.Plan.CallStart))
            .ToList();
        var results = new List<RuleResult>();
        for (var i = 0; i < contexts.Count; i++)
        {
            var context = contexts[i];
            if (context.Options.VerifyUrl is null)
            {
                results.Add(Result(context) with { NotApplicable = "no --verify-url given" });
                continue;
            }

            var snapshot = await new RecordReader(context).ReadAsync(context.Result.CallId, cancellationToken).ConfigureAwait(false);
            var failures = snapshot.Unreadable is { } unreadable ? [unreadable] : Judge(contexts, calls, i, snapshot).ToList();
            results.Add(
                Result(context) with
                {
                    Failures = failures,
                    Evidence = [snapshot.Describe()],
                    Data = context.Options.VerifyFields.Count > 0 ? DataJudgement.Record : DataJudgement.RecordText,
                }
            );
        }

        return results;
    }

    private static IEnumerable<string> Judge(
        IReadOnlyList<RuleContext> contexts,
        IReadOnlyList<Call> calls,
        int index,
        RecordSnapshot snapshot
    )
    {
        var context = contexts[index];
        var call = calls[index];
        var self = $"call {context.Result.CallId} ({context.Scenario.Provider}/{context.Scenario.Name})";
        if (snapshot.Count == 0)
        {
            yield return $"at the end of the run the listener holds no record of {self}";
            yield break;
        }

        var fields = context.Options.VerifyFields;
        var final = fields.Where(field => field.Name is "status" or "duration").ToList();
        var records = RecordJudge.All(snapshot);
        // One record holding the call's caller and final state is enough; how many there are is SIDE-002's to judge.
        if (
            records.Any(record =>
                RecordExpectations.NamesNumber(record, call.Customer, fields) && !RecordExpectations.Problems(record, call, final).Any()
            )
        )
            yield break;

        var newest = records[^1];
        if (!RecordExpectations.NamesNumber(newest, call.Customer, fields))
        {
            var other = Enumerable
                .Range(0, calls.Count)
                .FirstOrDefault(j => j != index && RecordExpectations.NamesNumber(newest, calls[j].Customer, fields), -1);
            yield return other < 0
                ? $"at the end of the run the record of {self} no longer names its caller {call.Customer.E164}"
                : $"at the end of the run the record of {self} names the caller of call {contexts[other].Result.CallId} ({contexts[other].Scenario.Provider}/{contexts[other].Scenario.Name}), "
                    + $"{calls[other].Customer.E164}, instead of its own, {call.Customer.E164}: a webhook of one call changed another call's record";
            yield break;
        }

        foreach (var problem in RecordExpectations.Problems(newest, call, final))
            yield return $"at the end of the run, for {self}, {problem}";
    }

    private RuleResult Result(RuleContext context) =>
        new()
        {
            Rule = Rule,
            Provider = context.Scenario.Provider,
            Scenario = context.Scenario.Name,
        };
}
