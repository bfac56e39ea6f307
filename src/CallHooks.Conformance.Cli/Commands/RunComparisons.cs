using CallHooks.Conformance.Reporting.Comparison;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>
/// A run compared with its <c>--baseline</c>: the run is read back exactly as its results.json says, so a comparison
/// made at run time and one made later by <c>callhooks compare</c> agree.
/// </summary>
internal static class RunComparisons
{
    public static RunComparison Against(RunSnapshot baseline, RunResult result, RunSettings settings)
    {
        using var buffer = new MemoryStream();
        Reporting.Json.ResultsJsonWriter.Write(result, buffer);
        var current = ResultsFile.Parse("this run", buffer.ToArray());
        // The providers were checked against the baseline before anything was sent; an interrupted run may have fewer.
        return Comparer.Compare(baseline, current, settings.LatencyRegressionPercent, settings.Known, sameProviders: false);
    }
}
