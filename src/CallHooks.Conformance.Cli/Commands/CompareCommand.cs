using System.CommandLine;
using CallHooks.Conformance.Reporting.Comparison;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>
/// <c>callhooks compare BASELINE NEW</c>: what changed between two runs (each a results.json or its folder), cell by
/// cell, rule by rule, and in latency. Exit 1 only for regressions, 2 for a file that cannot be compared.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(CliConsole console)
    {
        var baseline = new Argument<string>("BASELINE") { Description = "The earlier run: its results.json or its folder." };
        var current = new Argument<string>("NEW") { Description = "The later run: its results.json or its folder." };
        var latency = new Option<string?>("--latency-regression")
        {
            Description = "An event whose p90 grew by more than this (and at least 5 ms) is a regression. Default 20%.",
            HelpName = "PERCENT",
        };
        var known = new Option<string?>("--known-failures")
        {
            Description = "Failures the team lives with (\"provider/scenario: why\" per line): never counted as regressions.",
            HelpName = "FILE",
        };
        var command = new Command(
            "compare",
            "Compare two runs: fixed, broken, still failing, new and gone cells, rules newly broken, latency regressions."
        )
        {
            baseline,
            current,
            latency,
            known,
        };
        command.SetAction(
            async (parsed, cancellationToken) =>
            {
                var problems = new List<string>();
                var threshold = BaselineOptions.LatencyRegression(parsed.GetValue(latency), problems);
                if (problems.Count > 0)
                    throw new UsageException(problems);
                try
                {
                    var before = ResultsFile.Read(parsed.GetValue(baseline)!);
                    var after = ResultsFile.Read(parsed.GetValue(current)!);
                    var knownFailures = parsed.GetValue(known) is { } path ? KnownFailures.Read(path) : null;
                    knownFailures?.Check(
                        after.Cells.Keys.Union(before.Cells.Keys).ToList(),
                        Rules.RuleCatalog.All.Select(rule => rule.Id).ToList()
                    );
                    var comparison = Comparer.Compare(before, after, threshold, knownFailures);
                    await console
                        .Out.WriteLineAsync($"callhooks compare: {after.Path} is {ComparisonText.Verdict(comparison)}")
                        .ConfigureAwait(false);
                    foreach (var line in ComparisonText.Lines(comparison))
                        await console.Out.WriteLineAsync("  " + line).ConfigureAwait(false);
                    return comparison.Regressions == 0 ? ExitCodes.Passed : ExitCodes.ConformanceFailures;
                }
                catch (ComparisonInputException exception)
                {
                    throw new UsageException([exception.Message]);
                }
            }
        );
        return command;
    }
}
