using System.Globalization;
using CallHooks.Conformance.Reporting.Comparison;
using CallHooks.Conformance.Scenarios;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>
/// <c>--baseline</c>, <c>--known-failures</c> and <c>--latency-regression</c>: read and checked before anything is sent,
/// so a baseline of other providers, a newer format, or a known-failures id that names nothing is an exit 2.
/// </summary>
internal static class BaselineOptions
{
    public static RunSnapshot? Baseline(string? path, IReadOnlyList<Scenario> scenarios, List<string> problems)
    {
        if (path is null)
            return null;
        try
        {
            var baseline = ResultsFile.Read(path);
            var providers = scenarios
                .Select(scenario => scenario.Provider)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList();
            if (providers.Count > 0 && !baseline.Providers.SequenceEqual(providers))
                problems.Add(
                    $"--baseline {baseline.Path}: its providers ({string.Join(", ", baseline.Providers)}) are not this run's ({string.Join(", ", providers)}); compare runs of the same providers"
                );
            return baseline;
        }
        catch (ComparisonInputException exception)
        {
            problems.Add("--baseline " + exception.Message);
            return null;
        }
    }

    /// <param name="cells">Every cell the run will play (<see cref="Cell.Id(string, string, string?)"/>).</param>
    public static KnownFailures? Known(string? path, IReadOnlyCollection<string> cells, List<string> problems)
    {
        if (path is null)
            return null;
        try
        {
            var known = KnownFailures.Read(path);
            known.Check(cells, Rules.RuleCatalog.All.Select(rule => rule.Id).ToList());
            return known;
        }
        catch (ComparisonInputException exception)
        {
            problems.Add("--known-failures " + exception.Message);
            return null;
        }
    }

    /// <summary>"20%" or "20": a percentage above zero.</summary>
    public static double LatencyRegression(string? text, List<string> problems)
    {
        if (text is null)
            return 20;
        if (
            double.TryParse(text.TrimEnd('%'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent)
            && percent > 0
            && percent <= 10_000
        )
            return percent;
        problems.Add($"--latency-regression '{text}': a percentage above 0, e.g. 20%");
        return 20;
    }
}
