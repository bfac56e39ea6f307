using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Listener;
using CallHooks.Conformance.Running;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>
/// Carries out a validated run: a load run (<c>--calls</c>/<c>--duration</c>, <see cref="LoadExecutor"/>) or a conformance
/// run, which plays every scenario once, checks the rules and ends as every run does (<see cref="RunSession"/>).
/// </summary>
internal sealed class RunExecutor(CliConsole console, TimeProvider systemClock)
{
    public async Task<int> ExecuteAsync(RunSettings settings, IReadOnlyList<string> tokens, CancellationToken cancellationToken)
    {
        if (
            console.InProcess is not null
            && (settings.Load is not null || (settings.Target is null && settings.ProviderTargets.Count == 0))
        )
            throw new UsageException([
                settings.Load is not null
                    ? "a load run needs a listener on the network; in process, run the scenarios once each"
                    : "in process, --target gives the URL the webhooks are addressed to (e.g. http://localhost/webhook)",
            ]);
        if (settings.Load is { } load)
            return await new LoadExecutor(console, systemClock)
                .ExecuteAsync(settings, load, tokens, cancellationToken)
                .ConfigureAwait(false);

        await using var session = await RunSession
            .StartAsync(console, systemClock, settings, withDownstream: true, cancellationToken)
            .ConfigureAwait(false);
        var plan = session.Plan(
            WithEmbeddedRecords(settings.Rules with { Downstream = session.Downstream?.Inbox }, session.Embedded, session.Providers)
        );
        await session.AnnounceAsync().ConfigureAwait(false);

        using var dispatcher = console.InProcess is { } app
            ? WebhookDispatcher.InProcess(app, session.Clock)
            : WebhookDispatcher.ForConformance(TimeSpan.FromSeconds(5), settings.Trust, session.Clock, settings.LateWindow);
        if (dispatcher.IsInProcess)
            await console
                .Out.WriteLineAsync(
                    "callhooks: in process: webhooks go straight to the app; connection faults, TLS and response framing are not observed (not applicable)"
                )
                .ConfigureAwait(false);
        var run = new ConformanceRun(dispatcher, session.Clock);
        var scenarios = await run.ExecuteAsync(plan, onScenarioDone: null, cancellationToken).ConfigureAwait(false);
        return await session
            .FinishAsync(scenarios, load: null, written: [], tokens, cancellationToken.IsCancellationRequested)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// The embedded listener keeps MyOperator In-Call records at /calls/{uid}, with the caller at $.caller and the status
    /// at $.status, so a run against it checks the record rules field by field without being told where. GET webhooks
    /// carry no call log to record (<see cref="Rules.RuleOptions.RecordsOfPostsOnly"/>: their record rules do not apply),
    /// and other providers' readers keep no records a user could ask for.
    /// </summary>
    private static Rules.RuleOptions WithEmbeddedRecords(
        Rules.RuleOptions rules,
        ReferenceListener? embedded,
        IReadOnlyList<string> providers
    ) =>
        rules.VerifyUrl is null
        && embedded is not null
        && providers.All(provider => provider == Providers.MyOperatorInCall.MyOperatorInCallProfile.ProfileName)
            ? rules with
            {
                VerifyUrl = new Uri(embedded.BaseUrl, "calls/").AbsoluteUri + "{uid}",
                RecordsOfPostsOnly = true,
                VerifyFields = rules.VerifyFields.Count > 0 ? rules.VerifyFields : [new("caller", "$.caller"), new("status", "$.status")],
            }
            : rules;
}
