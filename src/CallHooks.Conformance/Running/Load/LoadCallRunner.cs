using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Expectations;
using CallHooks.Conformance.Generation;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Results;
using CallHooks.Conformance.Scenarios;

namespace CallHooks.Conformance.Running.Load;

/// <summary>
/// Plays one call of a load run: scenario number index mod count, data from a seed of its own, the call starting in
/// call time at the run's clock plus its scheduled offset, played as every call is (<see cref="CallPlayer"/>) with the
/// scenario's pauses scaled by the pace. The first event is intended at the call's scheduled time, each later one at
/// the previous answer plus its pause; the time a send was held back past that is reported as queued.
/// </summary>
internal sealed class LoadCallRunner(LoadPlan plan, WebhookRequestSender send, TimeProvider time)
{
    // Everything about a scenario that is the same for each of its calls, worked out once instead of per delivery.
    private readonly ScenarioPlan[] scenarios = plan.Run.Scenarios.Select(scenario => ScenarioPlan.For(scenario, plan.Run)).ToArray();
    private readonly CallPlayer player = new(send, time);

    public Task<ScenarioResult> PlayAsync(ScheduledCall scheduled, ILoadSink sink, CancellationToken cancellationToken) =>
        PlayAsync(scheduled, sink, cancellationToken, cancellationToken);

    /// <summary>Plays the call: no event is sent once <paramref name="stopSending"/> fires; a delivery in flight is cut off only by <paramref name="abortInFlight"/>.</summary>
    public async Task<ScenarioResult> PlayAsync(
        ScheduledCall scheduled,
        ILoadSink sink,
        CancellationToken stopSending,
        CancellationToken abortInFlight
    )
    {
        ArgumentNullException.ThrowIfNull(scheduled);
        ArgumentNullException.ThrowIfNull(sink);
        var (scenario, profile, webhooks, expectations) = scenarios[(int)(scheduled.Index % scenarios.Length)];
        var call = CallGenerator.Generate(scenario, plan.Run.Seed, plan.Run.CallStart + scheduled.ScheduledOffset, scheduled.Index);
        var callId = profile.CallId(call, webhooks[0].Config);
        var intended = scheduled.RunStart + (long)(scheduled.ScheduledOffset.TotalSeconds * time.TimestampFrequency);
        var callStarted = time.GetTimestamp();
        var played = await player
            .PlayAsync(
                new CallToPlay(
                    scenario,
                    profile,
                    webhooks,
                    call,
                    expectations,
                    plan.Run.Timeout ?? profile.TimeBudget,
                    plan.Pace,
                    intended
                ),
                (delivery, queuedMs) =>
                    sink.OnDelivery(
                        new LoadDelivery(
                            scheduled.Index,
                            scenario.Provider,
                            scenario.Name,
                            callId,
                            delivery,
                            queuedMs,
                            FailureReason.Of(expectations[delivery.Index], delivery.Observation, delivery.Failures.Count)
                        )
                    ),
                stopSending,
                abortInFlight
            )
            .ConfigureAwait(false);

        var result = new ScenarioResult
        {
            Provider = scenario.Provider,
            Name = scenario.Name,
            Description = scenario.Description,
            CallId = callId,
            Customer = call.Customer.E164,
            Seed = SeedMixer.ForCall(plan.Run.Seed, scenario.Provider, scenario.Name, scheduled.Index),
            Deliveries = played.Deliveries,
            Skipped = played.Skipped,
            Unsent = played.Unsent,
            DurationMs = time.GetElapsedTime(callStarted).TotalMilliseconds,
        };
        sink.OnCall(scheduled.Index, result);
        return result;
    }

    private sealed record ScenarioPlan(
        Scenario Scenario,
        IProviderProfile Profile,
        IReadOnlyList<Panels.PanelWebhook> Webhooks,
        ExpectationSpec[] Expectations
    )
    {
        public static ScenarioPlan For(Scenario scenario, RunPlan run)
        {
            var profile = ProviderCatalog.Find(scenario.Provider)
                ?? throw new InvalidOperationException($"unknown provider '{scenario.Provider}'");
            return new ScenarioPlan(scenario, profile, run.WebhooksFor(scenario.Provider), CallPlayer.Expectations(scenario, profile));
        }
    }
}
