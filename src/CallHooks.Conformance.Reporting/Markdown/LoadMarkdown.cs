using System.Globalization;
using System.Text;
using CallHooks.Conformance.Results;
using CallHooks.Conformance.Running.Load;

namespace CallHooks.Conformance.Reporting.Markdown;

/// <summary>
/// report.md's account of a load run: the verdict from its thresholds and the whole run's figures (the same as the
/// console's and results.json's), before the calls kept for detail, which are named as the sample they are.
/// </summary>
internal static class LoadMarkdown
{
    public static void WriteHeader(StringBuilder text, RunResult result, LoadReport load)
    {
        var summary = load.Summary;
        var inv = CultureInfo.InvariantCulture;
        var broken = load.Thresholds.Count(verdict => !verdict.Passed);
        // An interrupted run is never green: its figures cover only what completed before the stop.
        var mark =
            result.Interrupted ? "⏹"
            : broken == 0 ? "✅"
            : "❌";
        var run = result.Interrupted ? "load run (interrupted)" : "load run";
        text.Append("## ")
            .Append(
                broken == 0
                    ? $"{mark} {result.Tool} {run}: {Count(summary.CallsStarted)} calls, thresholds met"
                    : $"{mark} {result.Tool} {run}: {Count(summary.CallsStarted)} calls, {Count(broken)} of {Count(load.Thresholds.Count)} thresholds broken"
            )
            .Append("\n\n");
        var providers = string.Join(", ", summary.ByProvider.Select(group => group.Provider));
        var clock = result.Now is { } now ? "clock " + ReportFormat.Timestamp(now) : "real clock";
        text.Append(
                MarkdownText.Inline(
                    string.Create(
                        inv,
                        $"Target {result.Target}{(result.EmbeddedListener ? " (embedded listener)" : "")} · {providers} · seed {result.Seed} · {clock} · "
                            + $"{Count(summary.CallsCompleted)} calls completed, {Count(summary.CallsFailed)} failed · {Count(summary.Deliveries)} deliveries, "
                            + $"{Count(summary.DeliveriesFailed)} failed ({summary.ErrorRate * 100:0.###}%) · {summary.AchievedRate:0.0}/s of {summary.TargetRate:0.###}/s target, "
                            + $"at most {summary.Concurrency} in progress · {summary.Elapsed.TotalSeconds:0.00} s"
                    )
                )
            )
            .Append("\n\n");

        foreach (var verdict in load.Thresholds)
            text.Append("- ").Append(verdict.Passed ? "✅ " : "❌ ").Append(MarkdownText.Inline(verdict.ToString())).Append('\n');
        if (load.Thresholds.Count > 0)
            text.Append('\n');

        text.Append(
            "| latency (ms) | deliveries | failed | p50 | p90 | p99 | p99.9 | max |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
        );
        Row(text, "all, from the scheduled send", summary.Deliveries, summary.DeliveriesFailed, summary.Latency);
        Row(text, "all, from the actual send", summary.Deliveries, summary.DeliveriesFailed, summary.Sent);
        foreach (var group in summary.ByProvider.Concat(summary.ByEvent))
            Row(
                text,
                group.Event is null ? group.Provider : $"{group.Provider} event {group.Event}",
                group.Deliveries,
                group.Failed,
                group.Latency
            );
        text.Append('\n');

        if (summary.Errors.Count > 0)
            text.Append("Failed deliveries by reason: ")
                .Append(MarkdownText.Inline(string.Join(", ", summary.Errors.Select(pair => $"{pair.Key} {Count(pair.Value)}"))))
                .Append(".\n\n");

        text.Append("### Kept calls: a sample for detail\n\n")
            .Append(
                MarkdownText.Inline(
                    $"{Count(result.Scenarios.Count)} of the run's {Count(summary.CallsStarted)} calls are kept with their requests and responses: every failing call up to "
                        + $"{Count(load.KeepFailures)}{(load.FailuresDropped > 0 ? $" ({Count(load.FailuresDropped)} more not kept)" : "")} and the first {Count(load.KeepSample)} passing. "
                        + "The figures above count every call."
                )
            )
            .Append("\n\n");
    }

    private static void Row(StringBuilder text, string name, long deliveries, long failed, LatencyPercentiles latency) =>
        text.Append(
            CultureInfo.InvariantCulture,
            $"| {MarkdownText.Inline(name)} | {Count(deliveries)} | {Count(failed)} | {latency.P50Ms:0.00} | {latency.P90Ms:0.00} | {latency.P99Ms:0.00} | {latency.P999Ms:0.00} | {latency.MaxMs:0.00} |\n"
        );

    private static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
