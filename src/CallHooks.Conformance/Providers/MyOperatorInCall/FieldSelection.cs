namespace CallHooks.Conformance.Providers.MyOperatorInCall;

/// <summary>
/// <c>--option fields=uid,clid,call_state</c>: MyOperator's panel lets the user "choose which fields to transmit"
/// (seed: In-Call overview), so a webhook may carry only some of the call log. Only the chosen fields are sent, in the
/// log's own order; query mappings still read the whole log, as the panel maps them independently of the body.
/// </summary>
internal static class FieldSelection
{
    public const string Option = "fields";

    /// <summary>The call log's fields, in the order the log carries them.</summary>
    public static readonly IReadOnlyList<string> Known =
    [
        "id",
        "uid",
        "reference_id",
        "company_id",
        "clid_raw",
        "clid",
        "rdnis",
        "call_state",
        "event",
        "status",
        "users",
        "created",
        "call_time",
        "public_ivr_id",
        "client_ref_id",
        "job_id",
    ];

    /// <summary>The chosen fields, or null when the option is not given (every field is sent).</summary>
    public static IReadOnlySet<string>? Of(IReadOnlyDictionary<string, string> options) =>
        options.TryGetValue(Option, out var list) ? Names(list).ToHashSet(StringComparer.Ordinal) : null;

    /// <summary>What is wrong with the option's value, if anything.</summary>
    public static IEnumerable<string> Problems(IReadOnlyDictionary<string, string> options)
    {
        if (!options.TryGetValue(Option, out var list))
            yield break;
        var names = Names(list).ToList();
        if (names.Count == 0)
            yield return $"--option {Option}=: name at least one call-log field, e.g. {Option}=uid,clid,call_state";
        foreach (var unknown in names.Where(name => !Known.Contains(name)))
            yield return $"--option {Option}: '{unknown}' is not a call-log field; the fields are {string.Join(", ", Known)}";
    }

    private static IEnumerable<string> Names(string list) =>
        list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
