using CallHooks.Conformance.Generation;
using CallHooks.Conformance.Rules.Records;

namespace CallHooks.Conformance.Rules.Probes;

/// <summary>
/// SIDE-001, the proof a listener did its job: after the call, the listener's record of it (<c>--verify-url</c>) exists
/// and holds the call's facts. With <c>--verify-field</c> each named field (caller, status, agent, duration) is compared
/// with the generated call; without, the record is only searched for the caller's number, which a stored raw payload
/// passes even when the listener's own caller field is empty: the result says it was a weak check.
/// </summary>
internal sealed class RecordProbe(Rule rule) : RuleProbe(rule)
{
    public override string? NotApplicable(RuleContext context) => context.Options.VerifyUrl is null ? "no --verify-url given" : null;

    public override async Task<RuleResult> CheckAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var call = CallGenerator.Generate(context.Scenario, context.Plan.Seed, context.Plan.CallStart);
        var snapshot = await new RecordReader(context).ReadAsync(context.Result.CallId, cancellationToken).ConfigureAwait(false);
        var failures = new List<string>();
        var fields = context.Options.VerifyFields;
        if (snapshot.Unreadable is { } unreadable)
            failures.Add(unreadable);
        else if (snapshot.Count == 0)
            failures.Add(
                $"the listener holds no record of call {context.Result.CallId} ({snapshot.Url} answered {(snapshot.Status == 404 ? "404" : "an empty list")})"
            );
        else
        {
            // The call's facts must be in a record; how many records there are is SIDE-002's to judge.
            var records = RecordJudge.All(snapshot);
            // The scenario's own record values (record.fields), written against the call, are checked beside --verify-field's.
            var scenarioFields = context.Scenario.RecordFields;
            var problems = records
                .Select(record => (
                        fields.Count > 0 ? RecordExpectations.Problems(record, call, fields).ToList()
                        : scenarioFields.Count > 0 || RecordExpectations.NamesNumber(record, call.Customer, fields) ? []
                        : [$"the record does not mention the caller's number {call.Customer.E164}"]
                    ).Concat(CallValues.Differences(record, scenarioFields, call, context.Result.CallId).Select(difference => "the record's " + difference)).ToList())
                .ToList();
            if (problems.All(list => list.Count > 0))
                failures.AddRange(
                    problems[^1]
                        .Select(problem =>
                            records.Count == 1
                                ? problem
                                : $"{problem} (in the newest of {records.Count} records, and no record holds the call's facts)"
                        )
                );
        }

        return Verdict(context, failures, evidence: [snapshot.Describe()]) with
        {
            Data = fields.Count > 0 || context.Scenario.RecordFields.Count > 0 ? DataJudgement.Record : DataJudgement.RecordText,
            Unchecked =
                fields.Count > 0 || context.Scenario.RecordFields.Count > 0
                    ? null
                    : "the record's fields: it was only searched as text for the caller's number, a weak check (a stored raw payload passes); name them with --verify-field caller=$.path",
        };
    }
}
