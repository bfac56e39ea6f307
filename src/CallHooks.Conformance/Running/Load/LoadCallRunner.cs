using CallHooks.Conformance.Expectations;
using CallHooks.Conformance.Generation;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Results;
using CallHooks.Conformance.Scenarios;

namespace CallHooks.Conformance.Running.Load;

/// <summary>
/// Plays one call of a load run: scenario number index mod count, data from a seed of its own, the call starting in
/// call time at the run's clock plus its scheduled offset. Events go in order with the scenario's pauses scaled by
/// the pace. The first event is intended at the call's scheduled time, each later one at the previous answer plus
/// its pause; the time a send was held back past that is reported as queued.
/// </summary>
public sealed class LoadCallRunner(LoadPlan plan, WebhookRequestSender send, TimeProvider time)
{
    // Everything about a scenario that is the same for each of its calls, worked out once instead of per delivery.
    private readonly ScenarioPlan[] scenarios = plan.Run.Scenarios.Select(scenario => ScenarioPlan.For(scenario, plan.Run)).ToArray();

    public async Task<ScenarioResult> PlayAsync(ScheduledCall scheduled, ILoadSink sink, CancellationToken cancellationToken)
    {
        var (scenario, profile, config, expectations) = scenarios[(int)(scheduled.Index % scenarios.Length)];
        var call = CallGenerator.Generate(scenario, plan.Run.Seed, plan.Run.CallStart + scheduled.ScheduledOffset, scheduled.Index);
        var callId = profile.CallId(call, config);
        var timeout = plan.Run.Timeout ?? profile.TimeBudget;
        var deliveries = new List<DeliveryResult>(scenario.Steps.Count);
        var eventTime = call.StartedAt;
        var intended = scheduled.RunStart + (long)(scheduled.ScheduledOffset.TotalSeconds * time.TimestampFrequency);
        var callStarted = time.GetTimestamp();
        var memo = new CallMemo();

        for (var index = 0; index < scenario.Steps.Count && !cancellationToken.IsCancellationRequested; index++)
        {
            var step = scenario.Steps[index];
            eventTime += step.After;
            var pause = step.After * plan.Pace;
            if (pause > TimeSpan.Zero)
            {
                if (!await PauseAsync(pause, cancellationToken).ConfigureAwait(false))
                    break;
                intended += (long)(pause.TotalSeconds * time.TimestampFrequency);
            }

            var context = new StepContext(call, step, index, eventTime) { Memo = memo };
            if (profile.SkipReason(context, config) is not null)
                continue;
            var request = DeliveryRecords.Build(profile, config, context);
            var queuedMs = Math.Max(0, time.GetElapsedTime(intended).TotalMilliseconds);
            var observation = await send(request, timeout, cancellationToken).ConfigureAwait(false);
            intended = time.GetTimestamp();
            var expect = expectations[index];
            // The same masking as conformance runs: a listener echoing our secrets must not put them in any output.
            var delivery = DeliveryRecords.Create(config, context, request, observation, expect);
            deliveries.Add(delivery);
            sink.OnDelivery(new LoadDelivery(scheduled.Index, scenario.Provider, scenario.Name, callId, delivery, queuedMs, FailureReason.Of(expect, observation, delivery.Failures.Count)));
        }

        var result = new ScenarioResult
        {
            Provider = scenario.Provider,
            Name = scenario.Name,
            Description = scenario.Description,
            CallId = callId,
            Customer = call.Customer.E164,
            Seed = SeedMixer.ForCall(plan.Run.Seed, scenario.Provider, scenario.Name, scheduled.Index),
            Deliveries = deliveries,
            DurationMs = time.GetElapsedTime(callStarted).TotalMilliseconds,
        };
        sink.OnCall(scheduled.Index, result);
        return result;
    }

    private sealed record ScenarioPlan(Scenario Scenario, IProviderProfile Profile, WebhookConfig Config, ExpectationSpec[] Expectations)
    {
        public static ScenarioPlan For(Scenario scenario, RunPlan run)
        {
            var profile = ProviderCatalog.Find(scenario.Provider) ?? throw new InvalidOperationException($"unknown provider '{scenario.Provider}'");
            var defaults = new ExpectationSpec { Status = StatusExpectation.Success, Within = profile.TimeBudget };
            var expectations = scenario.Steps.Select(step => step.Expect.Over(scenario.Expect).Over(defaults)).ToArray();
            return new ScenarioPlan(scenario, profile, run.ConfigFor(scenario.Provider), expectations);
        }
    }

    private async Task<bool> PauseAsync(TimeSpan pause, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(pause, time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
