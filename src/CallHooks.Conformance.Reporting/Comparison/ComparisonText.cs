using System.Globalization;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Reporting.Comparison;

/// <summary>A comparison as lines of text, the same for the console of <c>callhooks compare</c> and the top of report.md.</summary>
internal static class ComparisonText
{
    public static string Verdict(RunComparison comparison) =>
        comparison.Regressions == 0
            ? $"no worse than {comparison.Baseline}"
            : $"worse than {comparison.Baseline}: {comparison.Regressions} regression(s)";

    public static IReadOnlyList<string> Lines(RunComparison comparison)
    {
        var lines = new List<string>();
        foreach (
            var transition in new[]
            {
                CellTransition.Broken,
                CellTransition.Fixed,
                CellTransition.StillFailing,
                CellTransition.New,
                CellTransition.Gone,
                CellTransition.NotJudged,
            }
        )
        {
            var cells = comparison.Changes.Where(change => change.Transition == transition).ToList();
            if (cells.Count == 0)
                continue;
            lines.Add($"{Title(transition)}: {cells.Count}");
            lines.AddRange(cells.Select(change => "  " + change.Cell + (transition == CellTransition.New ? $" ({change.After})" : "")));
        }

        lines.Add($"still passing: {comparison.StillPassing}");
        if (comparison.NewlyBrokenRules.Count > 0)
        {
            lines.Add($"rules newly broken: {comparison.NewlyBrokenRules.Count}");
            lines.AddRange(comparison.NewlyBrokenRules.Select(rule => "  " + rule));
        }

        if (comparison.Latency.Count > 0)
        {
            lines.Add(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"latency regressions (p90 grew more than {comparison.LatencyThresholdPercent:0.##}% and at least {Comparer.MinimumGrowthMs:0} ms): {comparison.Latency.Count}"
                )
            );
            lines.AddRange(
                comparison.Latency.Select(regression =>
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"  {regression.Event}: p90 {regression.BeforeP90Ms:0.#} ms -> {regression.AfterP90Ms:0.#} ms"
                    )
                )
            );
        }

        if (comparison.KnownFailures.Count > 0)
        {
            lines.Add($"known failures, not counted: {comparison.KnownFailures.Count}");
            lines.AddRange(comparison.KnownFailures.Select(known => "  " + known));
        }

        return lines;
    }

    private static string Title(string transition) =>
        transition switch
        {
            CellTransition.Broken => "broken (passed before, fails now)",
            CellTransition.Fixed => "fixed (failed before, passes now)",
            CellTransition.New => "new (not in the baseline)",
            CellTransition.Gone => "gone (not in this run)",
            CellTransition.NotJudged => "not judged this time (skipped by configuration or interrupted)",
            _ => transition,
        };
}
