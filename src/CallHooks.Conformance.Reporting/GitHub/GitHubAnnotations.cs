using System.Text;
using CallHooks.Conformance.Results;
using CallHooks.Conformance.Rules;

namespace CallHooks.Conformance.Reporting.GitHub;

/// <summary>
/// GitHub Actions workflow commands for a run's problems, one line each: <c>::error</c> for a failed scenario and for a
/// broken MUST rule, <c>::warning</c> for a broken SHOULD rule, each titled with what failed and carrying the command
/// that replays it, so the failures show on the pull request without opening the log. Texts are already masked.
/// </summary>
internal static class GitHubAnnotations
{
    public static IEnumerable<string> For(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var scenario in result.Scenarios.Where(scenario => !scenario.Interrupted))
        {
            var name = $"{scenario.Provider}/{scenario.Name}";
            var replay = $"replay: {result.CommandLine} --scenario {scenario.Name}";
            var failed = scenario.Deliveries.Where(delivery => !delivery.Passed).ToList();
            if (failed.Count > 0)
            {
                var first = failed[0];
                yield return Command(
                    "error",
                    $"callhooks {name}",
                    $"{name}: {failed.Count} of {scenario.Deliveries.Count} deliveries failed; event {first.Event}: {string.Join("; ", first.Failures)}\n{replay}"
                );
            }

            foreach (var rule in scenario.Rules.Where(rule => rule.Applicable && !rule.Passed))
            {
                var level = rule.Rule.Level is RuleLevel.Must ? "error" : "warning";
                yield return Command(
                    level,
                    $"{rule.Rule.Id} ({rule.Rule.LevelText}) {name}",
                    $"{rule.Rule.Title}: {string.Join("; ", rule.Failures)}\n{replay}"
                );
            }
        }
    }

    /// <summary>One workflow command; its property and message escaped as GitHub's runner reads them back.</summary>
    private static string Command(string level, string title, string message) =>
        $"::{level} title={Escape(title, property: true)}::{Escape(message, property: false)}";

    private static string Escape(string text, bool property)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '%' => escaped.Append("%25"),
                '\r' => escaped.Append("%0D"),
                '\n' => escaped.Append("%0A"),
                ':' when property => escaped.Append("%3A"),
                ',' when property => escaped.Append("%2C"),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }
}
