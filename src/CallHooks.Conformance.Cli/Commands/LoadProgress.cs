using System.Globalization;
using CallHooks.Conformance.Running.Load;
using Spectre.Console;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>
/// Shows a load run while it plays: a Spectre.Console progress bar on a terminal, or one plain line per second
/// otherwise (CI logs and pipes get text they can grep, not cursor movements). Everything goes to stderr.
/// </summary>
internal static class LoadProgress
{
    public static async Task ShowAsync(
        CliConsole console,
        TimeProvider clock,
        Func<LoadSummary?> snapshot,
        long total,
        CancellationToken stop
    )
    {
        try
        {
            if (console.Interactive)
                await ShowBarAsync(console, clock, snapshot, total, stop).ConfigureAwait(false);
            else
                await ShowLinesAsync(console, clock, snapshot, total, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run is over; the final summary follows.
        }
    }

    /// <summary>E.g. <c>12.0 s  calls 11984/100000 (in progress 12)  998.7/s of 1000/s  deliveries 47936  p50 1.2 ms  p99 4.8 ms  errors 0</c>.</summary>
    public static string Line(LoadSummary summary, long total) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{summary.Elapsed.TotalSeconds:0.0} s  calls {summary.CallsCompleted}/{total} (in progress {summary.CallsInProgress})  "
                + $"{summary.AchievedRate:0.#}/s of {summary.TargetRate:0.#}/s  deliveries {summary.Deliveries}  "
                + $"p50 {summary.Latency.P50Ms:0.0} ms  p99 {summary.Latency.P99Ms:0.0} ms  errors {summary.DeliveriesFailed}"
        );

    private static async Task ShowLinesAsync(
        CliConsole console,
        TimeProvider clock,
        Func<LoadSummary?> snapshot,
        long total,
        CancellationToken stop
    )
    {
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), clock, stop).ConfigureAwait(false);
            if (snapshot() is { } summary)
                await console.Error.WriteLineAsync("callhooks: " + Line(summary, total)).ConfigureAwait(false);
        }
    }

    private static async Task ShowBarAsync(
        CliConsole console,
        TimeProvider clock,
        Func<LoadSummary?> snapshot,
        long total,
        CancellationToken stop
    )
    {
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Error) });
        await terminal
            .Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new PercentageColumn(),
                new RemainingTimeColumn()
            )
            .StartAsync(async context =>
            {
                var task = context.AddTask("starting", maxValue: total);
                while (true)
                {
                    if (snapshot() is { } summary)
                    {
                        task.Value = summary.CallsCompleted;
                        task.Description = Markup.Escape(Line(summary, total));
                    }

                    if (stop.IsCancellationRequested)
                        break;
                    await Task.Delay(TimeSpan.FromMilliseconds(250), clock, CancellationToken.None).ConfigureAwait(false);
                }
            })
            .ConfigureAwait(false);
    }
}
