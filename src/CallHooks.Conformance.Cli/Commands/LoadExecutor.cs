using System.Globalization;
using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Reporting;
using CallHooks.Conformance.Reporting.Json;
using CallHooks.Conformance.Results;
using CallHooks.Conformance.Running.Load;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>
/// Plays a load run (<c>--calls</c>/<c>--duration</c>): calls on schedule, every delivery streamed to deliveries.ndjson,
/// progress on stderr, the thresholds judged; the run then ends as every run does (<see cref="RunSession"/>), with the
/// summary and the kept calls in results.json and the reports. Exit 1 when a threshold is broken.
/// </summary>
internal sealed class LoadExecutor(CliConsole console, TimeProvider systemClock)
{
    public async Task<int> ExecuteAsync(
        RunSettings settings,
        LoadSettings load,
        IReadOnlyList<string> tokens,
        CancellationToken cancellationToken
    )
    {
        await using var session = await RunSession
            .StartAsync(console, systemClock, settings, withDownstream: false, cancellationToken)
            .ConfigureAwait(false);
        var plan = new LoadPlan
        {
            Run = session.Plan(),
            Schedule = load.Schedule(),
            Concurrency = load.Concurrency,
            Pace = load.Pace,
        };
        Directory.CreateDirectory(session.Directory);
        await session
            .AnnounceAsync(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"load run of {plan.Schedule.Total} calls at {load.Rate:0.###}/s, at most {load.Concurrency} in progress, pace {load.Pace:0.###}"
                )
            )
            .ConfigureAwait(false);

        using var client = WebhookDispatcher.ForLoad(TimeSpan.FromSeconds(5), settings.Trust, session.Clock);
        var run = new LoadRun(client.SendAsync, session.Clock);
        LoadRunResult outcome;
        var logPath = Path.Combine(session.Directory, DeliveryLogWriter.FileName);
        string? logError;
        using (var log = new DeliveryLogWriter(logPath))
        {
            using var stopProgress = new CancellationTokenSource();
            var progress = LoadProgress.ShowAsync(
                console,
                systemClock,
                () => run.Statistics?.Summary(),
                plan.Schedule.Total,
                stopProgress.Token
            );
            try
            {
                outcome = await run.ExecuteAsync(plan, log, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await stopProgress.CancelAsync().ConfigureAwait(false);
                await progress.ConfigureAwait(false);
            }

            logError = log.Error ?? outcome.SinkError;
        }

        var report = new LoadReport
        {
            Summary = outcome.Summary,
            Pace = load.Pace,
            Thresholds = load.EffectiveThresholds.Select(threshold => threshold.Judge(outcome.Summary)).ToList(),
            DeliveryLog = logError is null ? DeliveryLogWriter.FileName : null,
            KeepFailures = plan.KeepFailures,
            KeepSample = plan.KeepSample,
            FailuresDropped = outcome.FailuresDropped,
        };
        return await session
            .FinishAsync(outcome.Calls, report, [new ReportOutcome(logPath, logError)], tokens, cancellationToken.IsCancellationRequested)
            .ConfigureAwait(false);
    }
}
