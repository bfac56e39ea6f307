using System.Diagnostics;
using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Expectations;
using CallHooks.Conformance.Generation;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Providers.StandardWebhooks;
using CallHooks.Conformance.Results;
using CallHooks.Conformance.Scenarios;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Running;

/// <summary>Plays one scenario: generates its call, then sends each event in order, pausing as the scenario says.</summary>
public sealed class ScenarioRunner(WebhookDispatcher dispatcher, TimeProvider time)
{
    public Task<ScenarioResult> RunAsync(Scenario scenario, IProviderProfile profile, RunPlan plan, CancellationToken cancellationToken) =>
        RunAsync(scenario, profile, plan, cancellationToken, cancellationToken);

    /// <summary>Plays <paramref name="scenario"/>: no event is sent once <paramref name="stopSending"/> fires, and a delivery in flight is cut off only by <paramref name="abortInFlight"/>.</summary>
    public async Task<ScenarioResult> RunAsync(Scenario scenario, IProviderProfile profile, RunPlan plan, CancellationToken stopSending, CancellationToken abortInFlight)
    {
        var cancellationToken = stopSending;
        var call = CallGenerator.Generate(scenario, plan.Seed, plan.CallStart);
        var started = Stopwatch.GetTimestamp();
        var deliveries = new List<DeliveryResult>();
        var skipped = new List<SkippedStep>();
        var eventTime = call.StartedAt;
        var defaults = new ExpectationSpec { Status = StatusExpectation.Success, Within = profile.TimeBudget };
        var timeout = plan.Timeout ?? profile.TimeBudget;
        var config = plan.ConfigFor(scenario.Provider);
        string? callId = null;
        var memo = new CallMemo();

        for (var index = 0; index < scenario.Steps.Count && !cancellationToken.IsCancellationRequested; index++)
        {
            var step = scenario.Steps[index];
            if (step.After > TimeSpan.Zero)
            {
                eventTime += step.After;
                try
                {
                    await Task.Delay(step.After, time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            var context = new StepContext(call, step, index, eventTime) { Memo = memo };
            if (profile.SkipReason(context, config) is { } reason)
            {
                // The provider would stay silent here; nothing is sent and nothing is expected.
                skipped.Add(new SkippedStep(index, step.Event, reason));
                continue;
            }

            var built = DeliveryRecords.Build(profile, config, context);
            callId ??= profile.CallId(call, config);
            var (request, observation, earlier) = await new ChallengeDelivery(dispatcher)
                .SendAsync(built, profile.SendsCredentialsAfterChallenge, timeout, abortInFlight).ConfigureAwait(false);
            var expect = step.Expect.Over(scenario.Expect).Over(defaults);
            deliveries.Add(DeliveryRecords.Create(config, context, request, observation, expect, earlier: earlier));
        }

        return new ScenarioResult
        {
            Provider = scenario.Provider,
            Name = scenario.Name,
            Description = scenario.Description,
            CallId = callId ?? profile.CallId(call, config),
            Customer = call.Customer.E164,
            Seed = SeedMixer.Mix(plan.Seed, scenario.Provider, scenario.Name),
            Deliveries = deliveries,
            Skipped = skipped,
            DurationMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds,
        };
    }

    /// <summary>The request as outputs may show it: secrets masked in headers, URL and body.</summary>
    public static RequestRecord Record(WebhookRequest request) => new(
        request.Method,
        Redactor.Text(request, request.Url.AbsoluteUri),
        Redactor.Headers(request),
        request.ContentType,
        request.Body,
        request.SecretValues);
}
