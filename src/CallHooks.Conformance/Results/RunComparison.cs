namespace CallHooks.Conformance.Results;

/// <summary>
/// A run compared with a baseline (<c>callhooks compare</c>, <c>run --baseline</c>): each cell's transition, the MUST
/// rules newly broken, and the events whose p90 latency grew past the threshold. Regressions are what a team gates on.
/// </summary>
/// <param name="Changes">Every cell that is not passing in both runs, with its transition.</param>
/// <param name="StillPassing">How many cells passed in both.</param>
/// <param name="NewlyBrokenRules">"AUTH-001 myoperator-incall/incoming-answered": a MUST rule the cell broke now and not before.</param>
/// <param name="KnownFailures">Regressions a known-failures file excuses, each with its reason.</param>
internal sealed record RunComparison(
    string Baseline,
    IReadOnlyList<CellChange> Changes,
    int StillPassing,
    IReadOnlyList<string> NewlyBrokenRules,
    IReadOnlyList<LatencyRegression> Latency,
    double LatencyThresholdPercent,
    IReadOnlyList<string> KnownFailures
)
{
    public IEnumerable<CellChange> Broken => Changes.Where(change => change.Transition == CellTransition.Broken);

    /// <summary>Cells broken, rules newly broken, latency grown: what makes <c>compare</c> exit 1.</summary>
    public int Regressions => Broken.Count() + NewlyBrokenRules.Count + Latency.Count;
}

/// <summary>How a cell went from the baseline to the new run.</summary>
internal sealed record CellChange(string Cell, string Transition, string? Before, string? After);

/// <summary>The transitions a cell can make, as reports name them.</summary>
internal static class CellTransition
{
    public const string Broken = "broken";
    public const string Fixed = "fixed";
    public const string StillFailing = "still failing";
    public const string New = "new";
    public const string Gone = "gone";

    /// <summary>Judged before, and this time not sent (skipped by configuration) or cut short by an interruption.</summary>
    public const string NotJudged = "not judged";
}

/// <summary>An event whose p90 latency grew by more than the threshold and at least the minimum.</summary>
internal sealed record LatencyRegression(string Event, double BeforeP90Ms, double AfterP90Ms);
