using CallHooks.Conformance.Listener;
using CallHooks.Conformance.Reporting;
using CallHooks.Conformance.Results;
using CallHooks.Conformance.Running;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>
/// Everything a conformance run and a load run share around the playing, done once: the clock (<c>--now</c>), the
/// target (the embedded reference listener when none is given, and the mock CRM), the plan, the notices on stderr, the
/// output folder; and at the end one result, one report step, one console summary and one exit code.
/// </summary>
internal sealed class RunSession : IAsyncDisposable
{
    private readonly CliConsole console;
    private readonly TimeProvider systemClock;

    private RunSession(CliConsole console, TimeProvider systemClock, RunSettings settings)
    {
        this.console = console;
        this.systemClock = systemClock;
        Settings = settings;
        Clock = settings.Now is { } now ? new FixedStartTimeProvider(now, systemClock) : systemClock;
        StartedAt = Clock.GetUtcNow();
        CallStart = settings.Now ?? StartedAt;
        Directory = OutputLocation.Resolve(settings.OutDirectory, StartedAt);
        Providers = settings.Scenarios.Select(scenario => scenario.Provider).Distinct().ToList();
    }

    public RunSettings Settings { get; }

    /// <summary>The run's clock: the system's, or one that starts at <c>--now</c>. Payloads, signatures and the embedded listener all read it.</summary>
    public TimeProvider Clock { get; }

    public DateTimeOffset StartedAt { get; }

    public DateTimeOffset CallStart { get; }

    /// <summary>Where the reports go: <c>--out</c>, or reports/&lt;UTC timestamp&gt;/.</summary>
    public string Directory { get; }

    public IReadOnlyList<string> Providers { get; }

    public DownstreamHost? Downstream { get; private set; }

    public ReferenceListener? Embedded { get; private set; }

    /// <summary>
    /// Where webhooks go: <c>--target</c>, the embedded listener, or (a panel file of absolute URLs only) the first
    /// webhook's URL, which is how reports name the run's target.
    /// </summary>
    public Uri Target =>
        Settings.Target ?? Embedded?.BaseUrl ?? Settings.ProviderTargets.Values.FirstOrDefault() ?? Settings.Panel![0].Config.Target;

    /// <summary>The embedded reference listener is started when nothing else receives the webhooks.</summary>
    private static bool NeedsEmbedded(RunSettings settings) =>
        settings.Target is null
        && settings.ProviderTargets.Count == 0
        && (settings.Panel is null || settings.Panel.Any(webhook => webhook.Path is not null));

    /// <summary>
    /// The panel's webhooks ready to send: paths made URLs on the target, signatures stamped as <see cref="Config"/>'s.
    /// Null without a panel file.
    /// </summary>
    public IReadOnlyList<Panels.PanelWebhook>? Panel =>
        panel ??= Settings
            .Panel?.Select(webhook => webhook.ResolvedAgainst(Target))
            .Select(webhook =>
                webhook with
                {
                    Config = webhook.Config with
                    {
                        SignatureClock = webhook.Config.Sign is null || Settings.SignWithCallTime ? null : systemClock,
                    },
                }
            )
            .ToList();

    // Worked out once, after the embedded listener (the base of path URLs) has started.
    private IReadOnlyList<Panels.PanelWebhook>? panel;

    /// <summary>The webhook configuration: signatures stamped by the real clock, as a provider's are, unless <c>--signature-time call</c>.</summary>
    public Providers.WebhookConfig Config =>
        Settings.ConfigFor(Target) with
        {
            SignatureClock = Settings.Sign is null || Settings.SignWithCallTime ? null : systemClock,
        };

    /// <param name="withDownstream">Host the mock CRM when <c>--downstream-port</c> asks for it (conformance runs).</param>
    public static async Task<RunSession> StartAsync(
        CliConsole console,
        TimeProvider systemClock,
        RunSettings settings,
        bool withDownstream,
        CancellationToken cancellationToken
    )
    {
        var session = new RunSession(console, systemClock, settings);
        OutputLocation.EnsureWritable(session.Directory, given: settings.OutDirectory is not null);
        try
        {
            if (withDownstream && settings.DownstreamPort is { } port)
                session.Downstream = DownstreamHost.Start(port, session.Clock, settings.CrmMappings);
            if (NeedsEmbedded(settings))
                session.Embedded = await StartEmbeddedAsync(
                        settings,
                        session.Clock,
                        systemClock,
                        session.Downstream?.Inbox.Url,
                        cancellationToken
                    )
                    .ConfigureAwait(false);
            return session;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The configurations <c>--matrix</c> sweeps, per provider from its webhook as the options describe it (the embedded
    /// listener's path for it included); null without <c>--matrix</c>.
    /// </summary>
    public IReadOnlyList<Running.Sweep.RunConfiguration>? Configurations =>
        configurations ??= Settings.MatrixAxes is not { } axes
            ? null
            : Providers
                .SelectMany(provider =>
                    Running.Sweep.ConfigurationSweep.Expand(
                        Conformance.Providers.ProviderCatalog.Find(provider)!,
                        ProviderConfig(provider),
                        axes,
                        Settings.MatrixExclusions,
                        Settings.Seed
                    )
                )
                .ToList();

    private IReadOnlyList<Running.Sweep.RunConfiguration>? configurations;

    /// <summary>A provider's webhook as the options describe it: under its own path on the embedded listener.</summary>
    private Conformance.Providers.WebhookConfig ProviderConfig(string provider) =>
        Embedded is not null ? Config with { Target = new Uri(Embedded.BaseUrl, provider) }
        : Settings.ProviderTargets.TryGetValue(provider, out var own) ? Config with { Target = own }
        : Config;

    /// <summary>The plan both kinds of run play: scenarios, where each provider's go, seed, clock and timeout.</summary>
    public RunPlan Plan(Rules.RuleOptions? rules = null) =>
        new()
        {
            AbortNow = console.AbortNow,
            Scenarios = Settings.Scenarios,
            Config = Config,
            Seed = Settings.Seed,
            CallStart = CallStart,
            Timeout = Settings.Timeout,
            Parallelism = Settings.Parallelism,
            Rules = rules ?? new Rules.RuleOptions(),
            Panel = Panel,
            Configurations = Configurations,
            // The embedded listener serves each provider under /<provider>, as a multi-provider integration would.
            ProviderTargets = Embedded is null
                ? Settings.ProviderTargets
                : Providers.ToDictionary(provider => provider, provider => new Uri(Embedded.BaseUrl, provider)),
        };

    /// <summary>What is about to happen, on stderr: <paramref name="what"/> (a load run's schedule), the target, the mock CRM, the seed and clock, and how requests are signed.</summary>
    public async Task AnnounceAsync(string? what = null)
    {
        await console
            .Error.WriteLineAsync(
                $"callhooks: {(what is null ? "" : what + ": ")}{Settings.Scenarios.Count} scenario(s) of {string.Join(", ", Providers)} -> {Target}{(Embedded is null ? "" : " (embedded reference listener)")}"
            )
            .ConfigureAwait(false);
        if (Panel is { } panel)
            await AnnouncePanelAsync(panel).ConfigureAwait(false);
        if (Downstream is not null)
            await console.Error.WriteLineAsync($"callhooks: mock CRM listening on {Downstream.Inbox.Url}").ConfigureAwait(false);
        await console
            .Error.WriteLineAsync($"callhooks: seed {Settings.Seed}, clock {CallStart.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}")
            .ConfigureAwait(false);
        if (SigningNotice.For(Providers, Config) is { } signing)
            await console.Error.WriteLineAsync(signing).ConfigureAwait(false);
        if (SigningNotice.Timestamps(Settings) is { } timestamps)
            await console.Error.WriteLineAsync(timestamps).ConfigureAwait(false);
        if (SigningNotice.NonJsonBodies(Providers, Config) is { } nonJson)
            await console.Error.WriteLineAsync(nonJson).ConfigureAwait(false);
    }

    /// <summary>The panel file and each webhook: where it goes and what it receives; then what the file should change.</summary>
    private async Task AnnouncePanelAsync(IReadOnlyList<Panels.PanelWebhook> panel)
    {
        await console.Error.WriteLineAsync($"callhooks: panel {Settings.PanelPath}: {panel.Count} webhook(s)").ConfigureAwait(false);
        foreach (var webhook in panel)
            await console
                .Error.WriteLineAsync(
                    $"callhooks:   {webhook.Name} ({webhook.Provider}) -> {webhook.Config.Target}  events: {(webhook.Events is null ? "all" : string.Join(",", webhook.Events))}{(webhook.Enabled ? "" : "  (disabled)")}"
                )
                .ConfigureAwait(false);
        foreach (var warning in Settings.PanelWarnings)
            await console.Error.WriteLineAsync("callhooks: warning: " + warning).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends every run the same way: the result, the reports, reports/latest, the console summary, and the exit code
    /// (130 interrupted, 3 when an output could not be written, otherwise the run's verdict: every scenario, or for a
    /// load run every threshold).
    /// </summary>
    /// <param name="written">Files the run wrote itself before the reports (a load run's delivery log), each with its error, if any.</param>
    public async Task<int> FinishAsync(
        IReadOnlyList<ScenarioResult> scenarios,
        LoadReport? load,
        IReadOnlyList<ReportOutcome> written,
        IReadOnlyList<string> tokens,
        bool interrupted
    )
    {
        if (interrupted)
            await console
                .Error.WriteLineAsync(
                    $"callhooks: interrupted: sending stopped; writing the {scenarios.Sum(scenario => scenario.Deliveries.Count)} delivery(ies) that completed"
                )
                .ConfigureAwait(false);

        var result = new RunResult
        {
            Tool = "callhooks",
            Version = typeof(RunSession).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
            Seed = Settings.Seed,
            Now = Settings.Now,
            Target = Target.AbsoluteUri,
            EmbeddedListener = Embedded is not null,
            InProcess = console.InProcess is not null,
            Options = RunOptionsShown.Of(Settings, Config),
            CommandLine = ReplayCommandLine.From(tokens, Settings.Seed, CallStart),
            StartedAt = StartedAt,
            FinishedAt = Clock.GetUtcNow(),
            Scenarios = scenarios,
            Webhooks = Panel,
            Load = load,
            Interrupted = interrupted,
            Planned =
                load is not null ? null
                : Configurations is { } swept ? swept.Sum(cell => Settings.Scenarios.Count(scenario => scenario.Provider == cell.Provider))
                : Settings.Scenarios.Count,
            Configurations = Configurations
                ?.Select(cell => new ConfigurationResult(
                    cell.Provider,
                    cell.Label,
                    cell.Values,
                    cell.Seed,
                    ReplayCommandLine.ForConfiguration(tokens, cell, CallStart)
                ))
                .ToList(),
            Known = Settings.Known is { } known
                ? known.Entries.ToDictionary(entry => entry.Id, entry => known.Reason(entry.Id)!, StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal),
        };
        if (Settings.Baseline is { } baseline)
            result = result with { Comparison = RunComparisons.Against(baseline, result, Settings) };

        var outcomes = ReportSet.WriteAll(result, Directory);
        if (Settings.OutDirectory is null)
            await UpdateLatestAsync().ConfigureAwait(false);

        if (load is null)
            ConsoleSummary.Write(result, console.Out);
        else
            LoadConsoleSummary.Write(result, console.Out);
        foreach (var outcome in written.Concat(outcomes))
            await console
                .Out.WriteLineAsync(outcome.Error is null ? $"wrote {outcome.File}" : $"could not write {outcome.File}: {outcome.Error}")
                .ConfigureAwait(false);

        if (result.Comparison is { } comparison)
        {
            await console.Out.WriteLineAsync("compared: " + Reporting.Comparison.ComparisonText.Verdict(comparison)).ConfigureAwait(false);
            foreach (var line in Reporting.Comparison.ComparisonText.Lines(comparison))
                await console.Out.WriteLineAsync("  " + line).ConfigureAwait(false);
        }

        await GitHubActionsOutput.WriteAsync(result, Directory, console).ConfigureAwait(false);

        if (interrupted)
            return ExitCodes.Interrupted;
        if (written.Concat(outcomes).Any(outcome => outcome.Error is not null))
            return ExitCodes.InternalError;
        // With a baseline a team gates on "no worse"; with known failures, on "nothing new".
        var passed =
            load is not null ? load.Thresholds.All(verdict => verdict.Passed)
            : result.Comparison is { } compared ? compared.Regressions == 0 && result.InterruptedScenarios == 0
            : result.AllPassed || (result.Known.Count > 0 && Reporting.Comparison.KnownVerdict.OnlyKnownFailures(result));
        return passed ? ExitCodes.Passed : ExitCodes.ConformanceFailures;
    }

    public async ValueTask DisposeAsync()
    {
        if (Embedded is not null)
            await Embedded.DisposeAsync().ConfigureAwait(false);
        if (Downstream is not null)
            Downstream.Dispose();
    }

    /// <summary>reports/latest is a convenience: failing to refresh it (another run racing, a read-only folder) only warns.</summary>
    private async Task UpdateLatestAsync()
    {
        try
        {
            OutputLocation.UpdateLatest(Directory);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await console
                .Error.WriteLineAsync($"callhooks: warning: reports/latest not updated: {exception.Message}")
                .ConfigureAwait(false);
        }
    }

    private static async Task<ReferenceListener> StartEmbeddedAsync(
        RunSettings settings,
        TimeProvider clock,
        TimeProvider systemClock,
        Uri? downstream,
        CancellationToken cancellationToken
    )
    {
        // The embedded listener demands exactly what the run sends, so auth is exercised end to end.
        var header = settings.Headers.Count > 0 ? settings.Headers[0] : null;
        return await ReferenceListener
            .StartAsync(
                new ListenerOptions
                {
                    RequiredHeaderName = header?.Name,
                    RequiredHeaderValue = header?.Value,
                    BasicUser = settings.Basic?.User,
                    BasicPassword = settings.Basic?.Password,
                    Secret = settings.Panel is { } signed ? PanelListener.ProviderSecret(signed) : settings.Secret,
                    Mode = settings.ListenerMode,
                    DownstreamUrl = downstream,
                    ProviderOptions = settings.Panel is { } panel ? PanelListener.Options(panel) : settings.ProfileOptions,
                    Routes = settings.Panel is { } routed ? PanelListener.Routes(routed) : [],
                    // Signed timestamps follow the real clock, as a real receiver's check does, unless the run signs with
                    // call time (--signature-time call): then they are event times on the run's clock (--now).
                    SignatureClock = settings.SignWithCallTime ? clock : systemClock,
                },
                cancellationToken
            )
            .ConfigureAwait(false);
    }
}
