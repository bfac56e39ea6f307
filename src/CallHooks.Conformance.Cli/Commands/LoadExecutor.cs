using System.Globalization;
using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Delivery.KeepAlive;
using CallHooks.Conformance.Reporting;
using CallHooks.Conformance.Reporting.Json;
using CallHooks.Conformance.Results;
using CallHooks.Conformance.Running;
using CallHooks.Conformance.Running.Load;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>
/// Carries out a load run (<c>--calls</c>/<c>--duration</c>): plays calls on schedule, streams every delivery to
/// deliveries.ndjson, shows progress, judges the thresholds, and writes results.json with the summary and the
/// kept calls. Exit 1 when a threshold is broken.
/// </summary>
internal sealed class LoadExecutor(CliConsole console, TimeProvider systemClock)
{
    public async Task<int> ExecuteAsync(RunSettings settings, LoadSettings load, IReadOnlyList<string> tokens, CancellationToken cancellationToken)
    {
        var clock = settings.Now is { } now ? new FixedStartTimeProvider(now, systemClock) : systemClock;
        var startedAt = clock.GetUtcNow();
        var callStart = settings.Now ?? startedAt;

        await using var embedded = settings.Target is null ? await RunExecutor.StartEmbeddedAsync(settings, TimeProvider.System, downstream: null, cancellationToken).ConfigureAwait(false) : null;
        var target = settings.Target ?? embedded!.BaseUrl;
        var config = settings.ConfigFor(target);
        var providers = settings.Scenarios.Select(scenario => scenario.Provider).Distinct().ToList();
        var plan = new LoadPlan
        {
            Run = new RunPlan
            {
                Scenarios = settings.Scenarios,
                Config = config,
                Seed = settings.Seed,
                CallStart = callStart,
                Timeout = settings.Timeout,
                ProviderTargets = embedded is null ? new Dictionary<string, Uri>() : providers.ToDictionary(provider => provider, provider => new Uri(embedded.BaseUrl, provider)),
            },
            Schedule = load.Schedule(),
            Concurrency = load.Concurrency,
            Pace = load.Pace,
        };

        var directory = OutputLocation.Resolve(settings.OutDirectory, startedAt);
        Directory.CreateDirectory(directory);
        await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"callhooks: load run of {plan.Schedule.Total} calls at {load.Rate:0.###}/s, at most {load.Concurrency} in progress, pace {load.Pace:0.###}: {settings.Scenarios.Count} scenario(s) of {string.Join(", ", providers)} -> {target}{(embedded is null ? "" : " (embedded reference listener)")}")).ConfigureAwait(false);
        await console.Error.WriteLineAsync($"callhooks: seed {settings.Seed}, clock {callStart.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}").ConfigureAwait(false);
        if (SigningNotice.For(providers, config) is { } signing)
            await console.Error.WriteLineAsync(signing).ConfigureAwait(false);

        using var client = new KeepAliveClient(TimeSpan.FromSeconds(5), settings.Trust, clock);
        var run = new LoadRun(client.SendAsync, clock);
        LoadRunResult outcome;
        string? logError;
        using (var log = new DeliveryLogWriter(Path.Combine(directory, DeliveryLogWriter.FileName)))
        {
            using var stopProgress = new CancellationTokenSource();
            var progress = LoadProgress.ShowAsync(console, systemClock, () => run.Statistics?.Summary(), plan.Schedule.Total, stopProgress.Token);
            try
            {
                outcome = await run.ExecuteAsync(plan, log, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await stopProgress.CancelAsync().ConfigureAwait(false);
                await progress.ConfigureAwait(false);
            }

            logError = log.Error;
        }

        var verdicts = load.EffectiveThresholds.Select(threshold => threshold.Judge(outcome.Summary)).ToList();
        var result = new RunResult
        {
            Tool = "callhooks",
            Version = typeof(LoadExecutor).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
            Seed = settings.Seed,
            Now = settings.Now,
            Target = target.AbsoluteUri,
            EmbeddedListener = embedded is not null,
            Options = RunExecutor.OptionsShown(settings, config),
            CommandLine = ReplayCommandLine.From(tokens, settings.Seed, callStart),
            StartedAt = startedAt,
            FinishedAt = clock.GetUtcNow(),
            Scenarios = outcome.Calls,
            Load = new LoadReport
            {
                Summary = outcome.Summary,
                Pace = load.Pace,
                Thresholds = verdicts,
                DeliveryLog = logError is null ? DeliveryLogWriter.FileName : null,
                KeepFailures = plan.KeepFailures,
                KeepSample = plan.KeepSample,
                FailuresDropped = outcome.FailuresDropped,
            },
        };

        var outcomes = ReportSet.WriteAll(result, directory);
        if (settings.OutDirectory is null)
            await new RunExecutor(console, systemClock).UpdateLatestAsync(directory).ConfigureAwait(false);

        LoadConsoleSummary.Write(result, console.Out);
        await console.Out.WriteLineAsync(logError is null ? $"wrote {Path.Combine(directory, DeliveryLogWriter.FileName)}" : $"could not write {DeliveryLogWriter.FileName}: {logError}").ConfigureAwait(false);
        foreach (var report in outcomes)
            await console.Out.WriteLineAsync(report.Error is null ? $"wrote {report.File}" : $"could not write {report.File}: {report.Error}").ConfigureAwait(false);

        if (cancellationToken.IsCancellationRequested)
            return ExitCodes.Interrupted;
        if (logError is not null || outcomes.Any(report => report.Error is not null))
            return ExitCodes.InternalError;
        return verdicts.All(verdict => verdict.Passed) ? ExitCodes.Passed : ExitCodes.ConformanceFailures;
    }
}
