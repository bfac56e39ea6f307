using CallHooks.Conformance.Rules;

namespace CallHooks.Conformance.Results;

/// <summary>
/// What a run, or one scenario, actually checked: the listener's answers (always), its data (records it keeps, read
/// with <c>--verify-url</c>; pushes to the mock CRM, <c>--downstream-port</c>), its robustness and its security. A PASS
/// is only as strong as this: every report says it beside the verdict, with the option that would check more.
/// </summary>
/// <param name="Records">How the listener's records were judged: not read, or read (counted, compared field by field).</param>
/// <param name="WeakContents">The records' contents were only searched as text for the caller's number, not read field by field.</param>
/// <param name="CrmPushes">The listener's pushes to the mock CRM were checked.</param>
/// <param name="Security">Security rules (credentials, signatures) were checked.</param>
/// <param name="Robustness">Robustness rules (retries, duplicates, order, odd payloads) were checked.</param>
internal sealed record CheckScope(DataJudgement Records, bool WeakContents, bool CrmPushes, bool Security, bool Robustness)
{
    public const string HowToCheckData =
        "--verify-url URL (the listener's record of a call, {uid} standing for the call's id) or --downstream-port N (a mock CRM the listener pushes to)";

    public static readonly CheckScope AnswersOnly = new(DataJudgement.None, false, false, false, false);

    /// <summary>
    /// True when the security suite was selected, applicable or not: then "not checked" says there was nothing to check
    /// (no credentials or signing configured) instead of asking for the suite.
    /// </summary>
    public bool SecuritySelected { get; init; }

    /// <summary>True when anything of the listener's data was looked at.</summary>
    public bool Data => Records is not DataJudgement.None || CrmPushes;

    public static CheckScope Of(IEnumerable<RuleResult> rules)
    {
        var all = rules.ToList();
        var applicable = all.Where(rule => rule.Applicable).ToList();
        var weak = applicable.Any(rule => rule.Data is DataJudgement.RecordText);
        var records = weak || applicable.Any(rule => rule.Data is DataJudgement.Record) ? DataJudgement.Record : DataJudgement.None;
        return new CheckScope(
            records,
            weak,
            applicable.Any(rule => rule.Data is DataJudgement.CrmPush),
            applicable.Any(rule => rule.Rule.Suite is RuleSuite.Security),
            applicable.Any(rule => rule.Rule.Suite is RuleSuite.Robustness)
        )
        {
            SecuritySelected = all.Any(rule => rule.Rule.Suite is RuleSuite.Security),
        };
    }

    /// <summary>What stands beside a PASS: "answers only", "answers and data", "answers and data (weak record check)".</summary>
    public string Label =>
        !Data ? "answers only"
        : WeakContents ? "answers and data (weak record check)"
        : "answers and data";

    /// <summary>The parts checked, as a list for a sentence: "answers (status and timing)", "records (field by field)", ...</summary>
    public IReadOnlyList<string> CheckedParts()
    {
        var parts = new List<string> { "answers (status and timing)" };
        if (Records is DataJudgement.Record && !WeakContents)
            parts.Add("the listener's records");
        if (WeakContents)
            parts.Add(
                "the listener's records, their contents searched as text for the caller's number (weak: name the fields with --verify-field)"
            );
        if (CrmPushes)
            parts.Add("the listener's pushes to the CRM");
        if (Security)
            parts.Add("security");
        if (Robustness)
            parts.Add("robustness");
        return parts;
    }

    /// <summary>What was not checked, each with the option that would check it.</summary>
    public IReadOnlyList<string> UncheckedParts()
    {
        var parts = new List<string>();
        if (!Data)
            parts.Add("the listener's data: add " + HowToCheckData);
        if (!Security)
            parts.Add(
                SecuritySelected
                    ? "security: nothing to check: no credentials (--header, --basic) or signing (--secret) are configured"
                    : "security: add --suite security"
            );
        if (!Robustness)
            parts.Add("robustness: add --suite robustness");
        return parts;
    }
}
