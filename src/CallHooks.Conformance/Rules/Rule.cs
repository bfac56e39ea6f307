namespace CallHooks.Conformance.Rules;

/// <summary>
/// One named conformance rule. The id is stable (it appears in results, JUnit and CI dashboards); the rest says
/// why the rule exists and where the requirement comes from.
/// </summary>
/// <param name="Id">Stable id, e.g. <c>AUTH-001</c>.</param>
/// <param name="Level">MUST or SHOULD.</param>
/// <param name="Suite">The suite that selects it.</param>
/// <param name="Title">What a conforming listener does, in one line.</param>
/// <param name="Rationale">Why, in one line.</param>
/// <param name="Source">The provider documentation the requirement comes from.</param>
/// <param name="Judges">What it judges: the answers, the listener's data, or both (data where records can be read).</param>
/// <param name="Providers">Profiles it applies to; empty means every profile.</param>
internal sealed record Rule(
    string Id,
    RuleLevel Level,
    RuleSuite Suite,
    RuleJudges Judges,
    string Title,
    string Rationale,
    string Source,
    IReadOnlyList<string> Providers
)
{
    public bool AppliesTo(string provider) => Providers.Count == 0 || Providers.Contains(provider);

    public string LevelText => Level is RuleLevel.Must ? "MUST" : "SHOULD";

    /// <summary>"answer", "data" or "answer + data", as reports and <c>callhooks rules</c> print it.</summary>
    public string JudgesText =>
        Judges switch
        {
            RuleJudges.Answer => "answer",
            RuleJudges.Data => "data",
            _ => "answer + data",
        };
}
