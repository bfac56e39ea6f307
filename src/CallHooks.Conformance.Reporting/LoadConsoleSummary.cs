using System.Globalization;
using CallHooks.Conformance.Reporting.Text;
using CallHooks.Conformance.Results;
using CallHooks.Conformance.Running.Load;

namespace CallHooks.Conformance.Reporting;

/// <summary>
/// The plain-text summary of a load run: rate achieved against the target, latency percentiles overall and per
/// provider and event, errors by reason, the kept failing calls, and each threshold with its verdict.
/// </summary>
internal static class LoadConsoleSummary
{
    public static void Write(RunResult result, TextWriter output)
    {
        var load = result.Load ?? throw new ArgumentException("not a load run", nameof(result));
        var summary = load.Summary;
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(SafeText.ForTerminal($"{result.Tool} {result.Version}  load run  target {result.Target}  seed {result.Seed}"));
        output.WriteLine(
            string.Create(
                inv,
                $"calls {summary.CallsCompleted} ({summary.CallsFailed} failed)  rate {summary.AchievedRate:0.0}/s achieved of {summary.TargetRate:0.###}/s target  concurrency {summary.Concurrency}  pace {load.Pace:0.###}"
            )
        );
        output.WriteLine(
            string.Create(
                inv,
                $"deliveries {summary.Deliveries} ({summary.DeliveriesFailed} failed, {summary.ErrorRate * 100:0.###}%)  {summary.DeliveriesPerSecond:0.0} deliveries/s  in {summary.Elapsed.TotalSeconds:0.00} s"
            )
        );
        if (result.Interrupted)
            output.WriteLine(
                string.Create(
                    inv,
                    $"INTERRUPTED: sending stopped early; {summary.CallsInterrupted} calls cut short and {summary.DeliveriesCutOff} deliveries cut off are not counted above"
                )
            );
        output.WriteLine();
        output.WriteLine($"{"latency (ms)", -34} {"count", 9} {"p50", 9} {"p90", 9} {"p99", 9} {"p99.9", 9} {"max", 9}");
        Row(output, "all, from scheduled send", summary.Latency);
        Row(output, "all, from actual send", summary.Sent);
        foreach (var group in summary.ByProvider)
            Row(output, group.Provider, group.Latency);
        foreach (var group in summary.ByEvent)
            Row(output, $"{group.Provider} event {group.Event}", group.Latency);

        if (summary.Errors.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("errors: " + string.Join(", ", summary.Errors.Select(pair => $"{pair.Key} {pair.Value.ToString(inv)}")));
            foreach (var call in result.Scenarios.Where(call => !call.Passed).Take(5))
            {
                foreach (var delivery in call.Deliveries.Where(delivery => !delivery.Passed).Take(1))
                    output.WriteLine(
                        SafeText.ForTerminal(
                            $"  {call.Provider}/{call.Name} {call.CallId}: {DeliveryText.Verdict(delivery)}: {string.Join("; ", delivery.Failures)}"
                        )
                    );
            }
        }

        output.WriteLine();
        foreach (var verdict in load.Thresholds)
            output.WriteLine(SafeText.ForTerminal((verdict.Passed ? "PASS " : "FAIL ") + verdict));
    }

    private static void Row(TextWriter output, string name, LatencyPercentiles latency) =>
        output.WriteLine(
            SafeText.ForTerminal(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{(name.Length > 34 ? name[..34] : name), -34} {latency.Count, 9} {latency.P50Ms, 9:0.00} {latency.P90Ms, 9:0.00} {latency.P99Ms, 9:0.00} {latency.P999Ms, 9:0.00} {latency.MaxMs, 9:0.00}"
                )
            )
        );
}
