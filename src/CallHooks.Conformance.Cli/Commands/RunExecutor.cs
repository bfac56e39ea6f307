using System.Globalization;
using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Listener;
using CallHooks.Conformance.Reporting;
using CallHooks.Conformance.Results;
using CallHooks.Conformance.Running;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>
/// Carries out a validated run: starts the embedded listener when no target is given, plays the scenarios,
/// writes the reports and prints the summary. The exit code says pass or fail.
/// </summary>
internal sealed class RunExecutor(CliConsole console, TimeProvider systemClock)
{
    public async Task<int> ExecuteAsync(RunSettings settings, IReadOnlyList<string> tokens, CancellationToken cancellationToken)
    {
        if (settings.Load is { } load)
            return await new LoadExecutor(console, systemClock).ExecuteAsync(settings, load, tokens, cancellationToken).ConfigureAwait(false);

        var clock = settings.Now is { } now ? new FixedStartTimeProvider(now, systemClock) : systemClock;
        var startedAt = clock.GetUtcNow();
        var callStart = settings.Now ?? startedAt;

        await using var downstream = settings.DownstreamPort is { } port ? await DownstreamHost.StartAsync(port, clock, cancellationToken).ConfigureAwait(false) : null;
        await using var embedded = settings.Target is null ? await StartEmbeddedAsync(settings, clock, downstream?.Inbox.Url, cancellationToken).ConfigureAwait(false) : null;
        var target = settings.Target ?? embedded!.BaseUrl;
        var config = settings.ConfigFor(target);
        var providers = settings.Scenarios.Select(scenario => scenario.Provider).Distinct().ToList();
        var plan = new RunPlan
        {
            Scenarios = settings.Scenarios,
            Config = config,
            Seed = settings.Seed,
            CallStart = callStart,
            Timeout = settings.Timeout,
            Parallelism = settings.Parallelism,
            Rules = WithEmbeddedRecords(settings.Rules with { Downstream = downstream?.Inbox }, embedded, providers, settings.Method),
            // The embedded listener serves each provider under /<provider>, as a multi-provider integration would.
            ProviderTargets = embedded is null ? new Dictionary<string, Uri>() : providers.ToDictionary(provider => provider, provider => new Uri(embedded.BaseUrl, provider)),
        };

        await console.Error.WriteLineAsync($"callhooks: {settings.Scenarios.Count} scenario(s) of {string.Join(", ", providers)} -> {target}{(embedded is null ? "" : " (embedded reference listener)")}").ConfigureAwait(false);
        if (downstream is not null)
            await console.Error.WriteLineAsync($"callhooks: mock CRM listening on {downstream.Inbox.Url}").ConfigureAwait(false);
        await console.Error.WriteLineAsync($"callhooks: seed {settings.Seed}, clock {callStart.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}").ConfigureAwait(false);
        if (SigningNotice.For(providers, config) is { } signing)
            await console.Error.WriteLineAsync(signing).ConfigureAwait(false);

        using var client = HttpClientFactory.Create(TimeSpan.FromSeconds(5), settings.Trust);
        var run = new ConformanceRun(new WebhookDispatcher(client, clock, settings.LateWindow), clock);
        var scenarios = await run.ExecuteAsync(plan, onScenarioDone: null, cancellationToken).ConfigureAwait(false);
        var interrupted = cancellationToken.IsCancellationRequested;
        if (interrupted)
            await console.Error.WriteLineAsync($"callhooks: interrupted: sending stopped; writing the {scenarios.Sum(scenario => scenario.Deliveries.Count)} delivery(ies) that completed").ConfigureAwait(false);

        var result = new RunResult
        {
            Tool = "callhooks",
            Version = typeof(RunExecutor).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
            Seed = settings.Seed,
            Now = settings.Now,
            Target = target.AbsoluteUri,
            EmbeddedListener = embedded is not null,
            Options = OptionsShown(settings, config),
            CommandLine = ReplayCommandLine.From(tokens, settings.Seed, callStart),
            StartedAt = startedAt,
            FinishedAt = clock.GetUtcNow(),
            Scenarios = scenarios,
            Interrupted = interrupted,
        };

        var directory = OutputLocation.Resolve(settings.OutDirectory, startedAt);
        var outcomes = ReportSet.WriteAll(result, directory);
        if (settings.OutDirectory is null)
            await UpdateLatestAsync(directory).ConfigureAwait(false);

        ConsoleSummary.Write(result, console.Out);
        foreach (var outcome in outcomes)
        {
            await console.Out.WriteLineAsync(outcome.Error is null
                ? $"wrote {outcome.File}"
                : $"could not write {outcome.File}: {outcome.Error}").ConfigureAwait(false);
        }

        if (interrupted)
            return ExitCodes.Interrupted;
        if (outcomes.Any(outcome => outcome.Error is not null))
            return ExitCodes.InternalError;
        return result.AllPassed ? ExitCodes.Passed : ExitCodes.ConformanceFailures;
    }

    /// <summary>
    /// The embedded listener keeps MyOperator In-Call records at /calls/{uid}, with the caller at $.caller and the status
    /// at $.status, so a run against it checks the record rules field by field without being told where. GET webhooks
    /// carry no call log to record, and other providers' readers keep no records a user could ask for.
    /// </summary>
    private static Rules.RuleOptions WithEmbeddedRecords(Rules.RuleOptions rules, ReferenceListener? embedded, IReadOnlyList<string> providers, string? method) =>
        rules.VerifyUrl is null && embedded is not null && method != "GET"
            && providers.All(provider => provider == Providers.MyOperatorInCall.MyOperatorInCallProfile.ProfileName)
            ? rules with
            {
                VerifyUrl = new Uri(embedded.BaseUrl, "calls/").AbsoluteUri + "{uid}",
                VerifyFields = rules.VerifyFields.Count > 0 ? rules.VerifyFields : [new("caller", "$.caller"), new("status", "$.status")],
            }
            : rules;

    /// <summary>reports/latest is a convenience: failing to refresh it (another run racing, a read-only folder) only warns.</summary>
    internal async Task UpdateLatestAsync(string directory)
    {
        try
        {
            OutputLocation.UpdateLatest(directory);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"callhooks: warning: reports/latest not updated: {exception.Message}").ConfigureAwait(false);
        }
    }

    internal static async Task<ReferenceListener> StartEmbeddedAsync(RunSettings settings, TimeProvider clock, Uri? downstream, CancellationToken cancellationToken)
    {
        // The embedded listener demands exactly what the run sends, so auth is exercised end to end.
        var header = settings.Headers.Count > 0 ? settings.Headers[0] : null;
        return await ReferenceListener.StartAsync(
            new ListenerOptions
            {
                RequiredHeaderName = header?.Name,
                RequiredHeaderValue = header?.Value,
                BasicUser = settings.Basic?.User,
                BasicPassword = settings.Basic?.Password,
                Secret = settings.Secret,
                Mode = settings.ListenerMode,
                DownstreamUrl = downstream,
                ProviderOptions = settings.ProfileOptions,
                // Signed timestamps are event times on the run's clock (--now), so the listener checks them against it.
                SignatureClock = clock,
            },
            cancellationToken).ConfigureAwait(false);
    }

    internal static Dictionary<string, string> OptionsShown(RunSettings settings, Providers.WebhookConfig config)
    {
        var profile = Providers.ProviderCatalog.Find(settings.Scenarios.Count > 0 ? settings.Scenarios[0].Provider : "");
        var shown = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["method"] = config.Method ?? profile?.DefaultMethod ?? "",
            ["encoding"] = (config.Method ?? profile?.DefaultMethod) == "GET" ? "none" : config.Encoding ?? profile?.DefaultEncoding ?? "",
            ["auth"] = settings.Basic is null ? "none" : "basic",
            ["signing"] = SigningNotice.Shown(settings.Scenarios.Select(scenario => scenario.Provider).Distinct().ToList(), settings, config),
            ["headers"] = string.Join(", ", settings.Headers.Select(header => header.Name)),
            ["query"] = string.Join("&", settings.Query.Select(mapping => mapping.Name + "=" + mapping.Field)),
            ["timeout"] = settings.Timeout is { } timeout ? Scenarios.DurationText.Format(timeout) : "profile budget",
            ["late-window"] = settings.LateWindow is { } window ? Scenarios.DurationText.Format(window) : "as long again as the timeout, until 60s at most",
            ["parallel"] = settings.Parallelism.ToString(CultureInfo.InvariantCulture),
            ["suite"] = string.Join(",", settings.Rules.Suites.Select(suite => suite.ToString().ToLowerInvariant()).Order(StringComparer.Ordinal)),
        };
        foreach (var (name, value) in settings.ProfileOptions)
            shown["option." + name] = ReplayCommandLine.IsSecretOption(name) ? Wire.Redactor.Mask : value;
        return shown;
    }
}
