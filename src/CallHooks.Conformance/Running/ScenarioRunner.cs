using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Generation;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Results;
using CallHooks.Conformance.Scenarios;
using CallHooks.Conformance.Secrets;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Running;

/// <summary>Plays one scenario of a conformance run: generates its call and plays it (<see cref="CallPlayer"/>) at the scenario's own pace.</summary>
internal sealed class ScenarioRunner(WebhookDispatcher dispatcher, TimeProvider time)
{
    public Task<ScenarioResult> RunAsync(Scenario scenario, IProviderProfile profile, RunPlan plan, CancellationToken cancellationToken) =>
        RunAsync(scenario, profile, plan, cancellationToken, cancellationToken);

    /// <summary>Plays <paramref name="scenario"/>: no event is sent once <paramref name="stopSending"/> fires, and a delivery in flight is cut off only by <paramref name="abortInFlight"/>.</summary>
    public async Task<ScenarioResult> RunAsync(
        Scenario scenario,
        IProviderProfile profile,
        RunPlan plan,
        CancellationToken stopSending,
        CancellationToken abortInFlight
    )
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(plan);
        var call = CallGenerator.Generate(scenario, plan.Seed, plan.CallStart);
        var webhooks = plan.WebhooksFor(scenario.Provider);
        var started = time.GetTimestamp();
        var played = await new CallPlayer(dispatcher.SendAsync, time)
            .PlayAsync(
                new CallToPlay(
                    scenario,
                    profile,
                    webhooks,
                    call,
                    CallPlayer.Expectations(scenario, profile),
                    plan.Timeout ?? profile.TimeBudget
                ),
                onDelivery: null,
                stopSending,
                abortInFlight
            )
            .ConfigureAwait(false);

        return new ScenarioResult
        {
            Provider = scenario.Provider,
            Name = scenario.Name,
            Description = scenario.Description,
            CallId = profile.CallId(call, webhooks[0].Config),
            Customer = call.Customer.E164,
            Seed = SeedMixer.Mix(plan.Seed, scenario.Provider, scenario.Name),
            Deliveries = played.Deliveries,
            Skipped = played.Skipped,
            Unsent = played.Unsent,
            DurationMs = time.GetElapsedTime(started).TotalMilliseconds,
        };
    }

    /// <summary>The request as outputs may show it: secrets masked in headers, URL and body.</summary>
    public static RequestRecord Record(WebhookRequest request) =>
        new(
            request.Method,
            Redactor.Text(request, request.Url.AbsoluteUri),
            Redactor.Headers(request),
            request.ContentType,
            request.Body,
            request.SecretValues
        );
}
