using System.Diagnostics;
using System.Text;
using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Expectations;
using CallHooks.Conformance.Generation;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Results;
using CallHooks.Conformance.Scenarios;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Running;

/// <summary>Plays one scenario: generates its call, then sends each event in order, pausing as the scenario says.</summary>
public sealed class ScenarioRunner(WebhookDispatcher dispatcher, TimeProvider time)
{
    public async Task<ScenarioResult> RunAsync(Scenario scenario, IProviderProfile profile, RunPlan plan, CancellationToken cancellationToken)
    {
        var call = CallGenerator.Generate(scenario, plan.Seed, plan.CallStart);
        var started = Stopwatch.GetTimestamp();
        var deliveries = new List<DeliveryResult>();
        var skipped = new List<SkippedStep>();
        var eventTime = call.StartedAt;
        var defaults = new ExpectationSpec { Status = StatusExpectation.Success, Within = profile.TimeBudget };
        var timeout = plan.Timeout ?? profile.TimeBudget;
        var config = plan.ConfigFor(scenario.Provider);
        string? callId = null;

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

            var context = new StepContext(call, step, index, eventTime);
            if (profile.SkipReason(context, config) is { } reason)
            {
                // The provider would stay silent here; nothing is sent and nothing is expected.
                skipped.Add(new SkippedStep(index, step.Event, reason));
                continue;
            }

            var request = profile.Build(context, config);
            callId ??= profile.CallId(call);
            var observation = await dispatcher.SendAsync(request, timeout, cancellationToken).ConfigureAwait(false);
            var expect = step.Expect.Over(scenario.Expect).Over(defaults);
            deliveries.Add(new DeliveryResult
            {
                Event = step.Event,
                Index = index,
                EventTime = eventTime,
                Request = Record(request),
                Observation = observation,
                Expected = ExpectationEvaluator.Describe(expect),
                Failures = ExpectationEvaluator.Evaluate(expect, observation),
            });
        }

        return new ScenarioResult
        {
            Provider = scenario.Provider,
            Name = scenario.Name,
            Description = scenario.Description,
            CallId = callId ?? profile.CallId(call),
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
        Redactor.Text(request, Encoding.UTF8.GetString(request.Body.Span)));
}
