using System.Globalization;
using System.Text;
using CallHooks.Conformance.Reporting.Model;
using CallHooks.Conformance.Reporting.Text;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Reporting.Markdown;

/// <summary>
/// Writes report.md: a short summary for CI job summaries (e.g. appended to <c>$GITHUB_STEP_SUMMARY</c>) with the
/// compatibility matrix and the failures. Bounded, because job summaries are small and a huge run must not
/// drown the page: the full story is in report.html and results.json.
/// </summary>
internal static class MarkdownReportWriter
{
    internal const int MatrixRowLimit = 100;

    internal const int FailureLimit = 50;

    public static void Write(RunResult result, Stream output)
    {
        var text = new StringBuilder();
        if (result.Load is { } load)
            LoadMarkdown.WriteHeader(text, result, load);
        else
            WriteHeader(text, result);
        WriteComparison(text, result.Comparison);
        WriteWebhooks(text, WebhookSummary.Of(result));
        WriteMatrix(text, result, CompatibilityMatrix.Of(result));
        WriteFailures(text, result);
        WriteRules(text, result);
        text.Append("Replay this run:\n\n").Append(MarkdownText.Fenced(result.CommandLine, "sh")).Append('\n');
        output.Write(Encoding.UTF8.GetBytes(SafeText.ForJson(text.ToString())));
        output.Flush();
    }

    private static void WriteHeader(StringBuilder text, RunResult result)
    {
        var total = result.Scenarios.Count;
        var verdict = result.Interrupted
            ? $"⏹ {result.Tool}: interrupted ({InterruptionText.ForRun(result)})"
            : (
                result.NothingSent ? $"❌ {result.Tool}: nothing was sent: every scenario was skipped by configuration"
                : result.AllPassed && result.NotSent > 0
                    ? $"✅ {result.Tool}: all {Count(result.Passed)} sent {Plural(result.Passed, "scenario", "scenarios")} passed, {Count(result.NotSent)} skipped by configuration"
                : result.AllPassed ? $"✅ {result.Tool}: all {Count(total)} {Plural(total, "scenario", "scenarios")} passed"
                : $"❌ {result.Tool}: {Count(result.Failed)} of {Count(total)} {Plural(total, "scenario", "scenarios")} failed"
            ) + $" ({result.Checked.Label})";
        var deliveries = result.Scenarios.Sum(scenario => scenario.Deliveries.Count);
        var failedDeliveries = result.Scenarios.Sum(scenario => scenario.Deliveries.Count(delivery => !delivery.Passed));
        var providers = string.Join(", ", result.Scenarios.Select(scenario => scenario.Provider).Distinct(StringComparer.Ordinal));
        var clock = result.Now is { } now ? "clock " + ReportFormat.Timestamp(now) : "real clock";
        var seconds = ((result.FinishedAt - result.StartedAt).TotalMilliseconds / 1000.0).ToString("0.00", CultureInfo.InvariantCulture);
        text.Append("## ").Append(verdict).Append("\n\n");
        text.Append(
            MarkdownText.Inline(
                $"Target {result.Target}{(result.EmbeddedListener ? " (embedded listener)" : "")} · {providers} · seed {result.Seed} · {clock} · "
                    + $"{Count(deliveries)} deliveries, {Count(failedDeliveries)} failed · {seconds} s"
            )
        );
        text.Append("\n\n");
        text.Append("**Checked:** ").Append(MarkdownText.Inline(string.Join("; ", result.Checked.CheckedParts()))).Append(".\n");
        var notChecked = result.Checked.UncheckedParts().ToList();
        if (result.InProcess)
            notChecked.Add(InProcessNotObserved);
        if (notChecked.Count > 0)
            text.Append("**Not checked:** ").Append(MarkdownText.Inline(string.Join("; ", notChecked))).Append(".\n");
        text.Append('\n');
    }

    /// <summary>What a run handed to an app in process could not see: nothing crossed a wire.</summary>
    internal const string InProcessNotObserved = "connection faults, TLS and response framing (in process: nothing crossed a wire)";

    /// <summary>The comparison with the baseline, first: what a team gating on "no worse" reads.</summary>
    private static void WriteComparison(StringBuilder text, Results.RunComparison? comparison)
    {
        if (comparison is null)
            return;
        text.Append("### ")
            .Append(comparison.Regressions == 0 ? "✅ " : "❌ ")
            .Append(MarkdownText.Inline(Comparison.ComparisonText.Verdict(comparison)))
            .Append("\n\n");
        text.Append(MarkdownText.Fenced(string.Join("\n", Comparison.ComparisonText.Lines(comparison)), "text")).Append("\n\n");
    }

    /// <summary>The panel file's webhooks, each with what it received and how that went; nothing without a panel file.</summary>
    private static void WriteWebhooks(StringBuilder text, IReadOnlyList<WebhookSummary>? webhooks)
    {
        if (webhooks is null)
            return;
        text.Append("| webhook | provider | URL | events | deliveries | failed | rules broken | status |\n");
        text.Append("| --- | --- | --- | --- | ---: | ---: | ---: | --- |\n");
        foreach (var webhook in webhooks)
        {
            string[] cells =
            [
                webhook.Name,
                webhook.Provider,
                webhook.Url,
                webhook.Events,
                Count(webhook.Deliveries),
                Count(webhook.DeliveriesFailed),
                Count(webhook.RulesBroken),
                webhook.Enabled ? webhook.Status : "disabled",
            ];
            text.Append("| ").AppendJoin(" | ", cells.Select(MarkdownText.Inline)).Append(" |\n");
        }

        text.Append('\n');
    }

    /// <summary>A sweep's verdict per provider, and the command that replays each failing configuration alone.</summary>
    private static void WriteConfigurations(StringBuilder text, RunResult result)
    {
        if (result.Configurations is null)
            return;
        foreach (var sentence in ConfigurationVerdict.Sentences(result))
            text.Append("- ").Append(MarkdownText.Inline(sentence)).Append('\n');
        text.Append('\n');
        foreach (var failing in ConfigurationVerdict.Of(result).Where(verdict => verdict.Failed > 0))
            text.Append("Replay ")
                .Append(MarkdownText.Inline(failing.Configuration.Label))
                .Append(":\n\n")
                .Append(MarkdownText.Fenced(failing.Configuration.Replay, "sh"))
                .Append("\n\n");
    }

    private static void WriteMatrix(StringBuilder text, RunResult result, CompatibilityMatrix matrix)
    {
        if (matrix.Rows.Count == 0)
        {
            text.Append("No scenario ran.\n\n");
            return;
        }

        text.Append("| scenario |");
        foreach (var column in matrix.Columns)
        {
            var label = string.Join(
                " · ",
                column.Values.Select((value, i) => matrix.Dimensions[i] == "provider" ? value : $"{matrix.Dimensions[i]} {value}")
            );
            text.Append(' ').Append(MarkdownText.Inline(label.Length == 0 ? "result" : label)).Append(" |");
        }

        text.Append("\n| --- |").Append(string.Concat(Enumerable.Repeat(" --- |", matrix.Columns.Count))).Append('\n');
        foreach (var row in matrix.Rows.Take(MatrixRowLimit))
        {
            text.Append("| ").Append(MarkdownText.Inline(row.Name)).Append(" |");
            foreach (var cell in row.Cells)
                text.Append(' ').Append(Cell(cell)).Append(" |");
            text.Append('\n');
        }

        text.Append('\n');
        WriteConfigurations(text, result);
        if (matrix.Rows.Count > MatrixRowLimit)
            text.Append(
                CultureInfo.InvariantCulture,
                $"… and {Count(matrix.Rows.Count - MatrixRowLimit)} more scenarios in report.html.\n\n"
            );
    }

    private static string Cell(MatrixCell? cell) =>
        cell switch
        {
            null => "—",
            { Passed: 0, Failed: 0, Skipped: > 0 } => "⏭ skipped by configuration",
            { Scenarios.Count: > 1 } => $"{(cell.Failed == 0 ? "✅" : "❌")} {Count(cell.Passed)} pass, {Count(cell.Failed)} fail",
            { Failed: 0 } => "✅ pass",
            _ => $"❌ fail ({Count(cell.DeliveriesFailed)} of {Count(cell.Deliveries)} deliveries)",
        };

    private static void WriteFailures(StringBuilder text, RunResult result)
    {
        var failed = result.Scenarios.Where(scenario => !scenario.Passed).ToList();
        if (failed.Count == 0)
            return;
        text.Append("### Failures\n\n");
        var shown = 0;
        var total = failed.Sum(scenario => scenario.Deliveries.Count(delivery => !delivery.Passed));
        foreach (var scenario in failed)
        {
            if (shown >= FailureLimit)
                break;
            text.Append("**")
                .Append(MarkdownText.Inline($"{scenario.Provider} / {scenario.Name}"))
                .Append("** ")
                .Append(MarkdownText.Inline($"(uid {scenario.CallId}, customer {scenario.Customer}, seed {scenario.Seed})"))
                .Append("\n\n");
            foreach (var delivery in scenario.Deliveries.Where(delivery => !delivery.Passed))
            {
                if (shown++ >= FailureLimit)
                    break;
                text.Append("- ").Append(MarkdownText.Inline(DeliveryText.Verdict(delivery))).Append('\n');
                foreach (var failure in delivery.Failures)
                    text.Append("  - ").Append(MarkdownText.Inline(failure)).Append('\n');
                if (delivery.QueuedBehind is { } queued)
                    text.Append("  - note: ").Append(MarkdownText.Inline(queued)).Append('\n');
            }

            text.Append('\n');
        }

        if (total > FailureLimit)
            text.Append(CultureInfo.InvariantCulture, $"… and {Count(total - FailureLimit)} more failed deliveries in report.html.\n\n");
    }

    /// <summary>Broken MUST rules and SHOULD warnings, one line per rule and scenario; passes are only counted.</summary>
    private static void WriteRules(StringBuilder text, RunResult result)
    {
        var rules = result.Scenarios.SelectMany(scenario => scenario.Rules).ToList();
        if (rules.Count == 0)
            return;
        var problems = rules.Where(rule => rule.Applicable && !rule.Passed).ToList();
        text.Append(
                CultureInfo.InvariantCulture,
                $"### Rules\n\n{Count(rules.Count(rule => rule.Applicable))} checked, {Count(rules.Count(rule => rule.Passed))} passed, "
            )
            .Append(
                CultureInfo.InvariantCulture,
                $"{Count(rules.Count(rule => rule.FailsRun))} broken MUST, {Count(problems.Count - rules.Count(rule => rule.FailsRun))} SHOULD warnings, {Count(rules.Count(rule => !rule.Applicable))} not applicable.\n\n"
            );
        foreach (var rule in problems.Take(FailureLimit))
        {
            text.Append("- ")
                .Append(
                    MarkdownText.Inline(
                        $"{rule.Rule.Id} ({rule.Rule.LevelText}, {rule.Status}) {rule.Provider} / {rule.Scenario}: {rule.Rule.Title}"
                    )
                )
                .Append('\n');
            foreach (var failure in rule.Failures.Take(5))
                text.Append("  - ").Append(MarkdownText.Inline(failure)).Append('\n');
        }

        text.Append('\n');
    }

    private static string Count(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Plural(int count, string one, string many) => count == 1 ? one : many;
}
