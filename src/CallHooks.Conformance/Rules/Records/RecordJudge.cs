using CallHooks.Conformance.Calls;

namespace CallHooks.Conformance.Rules.Records;

/// <summary>
/// The record-level judgements rules share: a retry or a duplicate must leave the call's records as they were (no second
/// record, no stored value changed), and whatever order events arrived in, the record must end in the call's final state.
/// Every sentence names what changed and when, so the message points at the real cause.
/// </summary>
internal sealed class RecordJudge(RuleContext context)
{
    public RecordReader Reader { get; } = new(context);

    public IReadOnlyList<RecordField> Fields => context.Options.VerifyFields;

    /// <summary>The call's records now; null when the run cannot read records (no --verify-url).</summary>
    public async Task<RecordSnapshot?> SnapshotAsync(Call call, CancellationToken cancellationToken) =>
        Reader.CanRead ? await Reader.ReadAsync(call, cancellationToken).ConfigureAwait(false) : null;

    /// <summary>
    /// What <paramref name="what"/> changed between two readings of the call's records that it must not have changed. A
    /// caller that now names someone else is not the retry's doing (the retry carries this call's caller): it is reported
    /// as another call's webhook writing into this call's record.
    /// </summary>
    public IEnumerable<string> Unchanged(RecordSnapshot before, RecordSnapshot after, string what, Call call)
    {
        if (Unreadable(before, after) is { } unreadable)
        {
            yield return unreadable;
            yield break;
        }

        if (after.Count > before.Count)
            yield return $"{what} raised the records the listener holds for the call from {before.Count} to {after.Count}: a provider's retry is the same event and must not create a record";
        if (Fields.Count == 0 || before.Record is not { } was || after.Record is not { } now)
            yield break;
        if (!RecordExpectations.NamesNumber(now, call.Customer, Fields) && RecordExpectations.NamesNumber(was, call.Customer, Fields))
        {
            yield return $"while {what} was sent, the call's record stopped naming its caller {call.Customer.E164} (now: {Excerpt(now)}): another call's webhook wrote into this call's record";
            yield break;
        }

        var wasValues = RecordExpectations.Values(was, Fields);
        var nowValues = RecordExpectations.Values(now, Fields);
        foreach (var (field, value) in wasValues.Where(pair => nowValues[pair.Key] != pair.Value))
            yield return $"{what} changed the stored {field} from {value} to {nowValues[field]}: a retry must not change the record";
    }

    /// <summary>
    /// After events out of order, the call's record must be in its final state (status and duration of the end). How many
    /// records there are is SIDE-002's to judge, and whether one exists SIDE-001's: this judges the state of those there are.
    /// </summary>
    public IEnumerable<string> FinalState(RecordSnapshot snapshot, Call call, string what)
    {
        if (snapshot.Unreadable is { } unreadable)
        {
            yield return unreadable;
            yield break;
        }

        var final = Fields.Where(field => field.Name is "status" or "duration").ToList();
        var records = All(snapshot);
        if (records.Count == 0 || final.Count == 0)
            yield break;
        var problems = records.Select(record => RecordExpectations.Problems(record, call, final).ToList()).ToList();
        if (problems.Any(list => list.Count == 0))
            yield break;
        foreach (var problem in problems[^1])
            yield return $"after {what}, {problem}: a late event overwrote the call's final state";
    }

    /// <summary>Every record of a snapshot: the object, or a list's elements.</summary>
    public static IReadOnlyList<System.Text.Json.JsonElement> All(RecordSnapshot snapshot) =>
        snapshot.Json switch
        {
            { ValueKind: System.Text.Json.JsonValueKind.Array } list when snapshot.Status == 200 => list.EnumerateArray().ToList(),
            { ValueKind: System.Text.Json.JsonValueKind.Object } record when snapshot.Status == 200 => [record],
            _ => [],
        };

    private static string Excerpt(System.Text.Json.JsonElement record)
    {
        var text = record.GetRawText();
        return text.Length <= 200 ? text : text[..200] + "…";
    }

    private static string? Unreadable(RecordSnapshot before, RecordSnapshot after) => before.Unreadable ?? after.Unreadable;
}
