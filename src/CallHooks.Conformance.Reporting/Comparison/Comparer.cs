using CallHooks.Conformance.Results;
using CallHooks.Conformance.Running.Load;

namespace CallHooks.Conformance.Reporting.Comparison;

/// <summary>
/// Compares a run with its baseline cell by cell: fixed, broken (passed before, fails now), still failing, new, gone;
/// the MUST rules a cell broke now and not before; and per provider event, a p90 latency that grew by more than the
/// threshold and by at least <see cref="MinimumGrowthMs"/>. Known failures excuse what they name.
/// </summary>
internal static class Comparer
{
    /// <summary>Latency noise on a loopback run is a few milliseconds: growth below this is never a regression.</summary>
    public const double MinimumGrowthMs = 5;

    /// <param name="sameProviders">Refuse runs of other providers (<c>callhooks compare</c>); a run checks its baseline before it sends.</param>
    public static RunComparison Compare(
        RunSnapshot baseline,
        RunSnapshot current,
        double thresholdPercent,
        KnownFailures? known = null,
        bool sameProviders = true
    )
    {
        if (sameProviders && !baseline.Providers.SequenceEqual(current.Providers))
            throw new ComparisonInputException(
                $"{baseline.Path}: its providers ({string.Join(", ", baseline.Providers)}) are not the new run's ({string.Join(", ", current.Providers)}); compare runs of the same providers"
            );
        var excused = new List<string>();
        var changes = new List<CellChange>();
        var stillPassing = 0;
        foreach (var id in baseline.Cells.Keys.Union(current.Cells.Keys).Order(StringComparer.Ordinal))
        {
            var before = baseline.Cells.GetValueOrDefault(id);
            var after = current.Cells.GetValueOrDefault(id);
            var transition = (before?.Status, after?.Status) switch
            {
                (null, _) => CellTransition.New,
                (_, null) => CellTransition.Gone,
                ("failed", "failed") => CellTransition.StillFailing,
                // A cell that did not fail before (passed, or was not sent or cut short) and fails now is a regression.
                (_, "failed") => CellTransition.Broken,
                ("failed", "passed") => CellTransition.Fixed,
                // Judged before, and now not sent or cut short: nothing was judged this time.
                (not ("skipped" or "interrupted"), "skipped" or "interrupted") => CellTransition.NotJudged,
                _ => null,
            };
            if (transition == CellTransition.Broken && Excuse(id, after!, known) is { } reason)
            {
                excused.Add($"{id}: {reason}");
                transition = CellTransition.StillFailing;
            }

            if (transition is null)
                stillPassing += before!.Status == "passed" && after!.Status == "passed" ? 1 : 0;
            else
                changes.Add(new CellChange(id, transition, before?.Status, after?.Status));
        }

        // A cell that broke is one regression already; its rules are listed for cells that were failing before too.
        var rules = new List<string>();
        foreach (var (id, after) in current.Cells.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (baseline.Cells.GetValueOrDefault(id) is not { } before || before.Status != "failed")
                continue;
            foreach (var rule in after.BrokenRules.Where(rule => !before.BrokenRules.Contains(rule)).Order(StringComparer.Ordinal))
            {
                var name = $"{rule} {id}";
                if (known?.Reason(name) is { } reason)
                    excused.Add($"{name}: {reason}");
                else
                    rules.Add(name);
            }
        }

        return new RunComparison(
            baseline.Path,
            changes,
            stillPassing,
            rules,
            LatencyRegressions(baseline, current, thresholdPercent),
            thresholdPercent,
            excused
        );
    }

    /// <summary>Why a failing cell is known: it is listed, or it failed only by MUST rules that all are.</summary>
    private static string? Excuse(string id, CellSnapshot cell, KnownFailures? known)
    {
        if (known is null)
            return null;
        if (known.Reason(id) is { } reason)
            return reason;
        var rules = cell.BrokenRules.Select(rule => $"{rule} {id}").ToList();
        return cell.DeliveriesPassed && rules.Count > 0 && rules.All(rule => known.Reason(rule) is not null)
            ? string.Join("; ", rules.Select(rule => known.Reason(rule)))
            : null;
    }

    private static List<LatencyRegression> LatencyRegressions(RunSnapshot baseline, RunSnapshot current, double thresholdPercent)
    {
        var regressions = new List<LatencyRegression>();
        foreach (var (key, values) in current.Latencies.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (!baseline.Latencies.TryGetValue(key, out var earlier))
                continue;
            var (before, after) = (P90(earlier), P90(values));
            if (after - before >= MinimumGrowthMs && after > before * (1 + thresholdPercent / 100))
                regressions.Add(new LatencyRegression(key, before, after));
        }

        return regressions;
    }

    /// <summary>The p90 from the product's one latency histogram, as every other percentile it reports.</summary>
    private static double P90(IReadOnlyList<double> values)
    {
        var histogram = new LatencyHistogram();
        foreach (var value in values)
            histogram.RecordMilliseconds(value);
        return histogram.PercentileMs(0.90);
    }
}
