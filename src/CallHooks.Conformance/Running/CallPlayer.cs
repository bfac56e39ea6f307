using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Expectations;
using CallHooks.Conformance.Panels;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Results;
using CallHooks.Conformance.Scenarios;

namespace CallHooks.Conformance.Running;

/// <summary>
/// Plays one generated call's events in order, the same way for a conformance run and a load run: pause as the scenario
/// says (scaled by <see cref="CallToPlay.Pace"/>), skip an event the provider would not send, build the request exactly as
/// the provider would for each webhook subscribed to the event, send it (Twilio's Basic challenge included), and record the delivery with every secret masked.
/// </summary>
internal sealed class CallPlayer(WebhookRequestSender send, TimeProvider time)
{
    /// <param name="onDelivery">Called as each delivery completes, with the milliseconds its send was held back past its
    /// intended time (the first event at the call's start, each later one at the previous answer plus its pause).</param>
    public async Task<PlayedCall> PlayAsync(
        CallToPlay what,
        Action<DeliveryResult, double>? onDelivery,
        CancellationToken stopSending,
        CancellationToken abortInFlight
    )
    {
        var (scenario, profile, call) = (what.Scenario, what.Profile, what.Call);
        var deliveries = new List<DeliveryResult>(scenario.Steps.Count);
        var skipped = new List<SkippedStep>();
        var eventTime = call.StartedAt;
        var intended = what.IntendedStart ?? time.GetTimestamp();
        // A profile keeps per-call pieces in its memo, made under one configuration: each webhook keeps its own.
        var memos = what.Webhooks.Select(_ => new CallMemo()).ToArray();
        var challenge = new ChallengeDelivery(send);

        var reached = 0;
        // An event cut off by an interruption before every subscribed webhook got it was not sent whole.
        var cutOff = 0;
        for (var index = 0; index < scenario.Steps.Count && !stopSending.IsCancellationRequested; index++)
        {
            var step = scenario.Steps[index];
            eventTime += step.After;
            var pause = step.After * what.Pace;
            if (pause > TimeSpan.Zero)
            {
                if (!await PauseAsync(pause, stopSending).ConfigureAwait(false))
                    break;
                intended += (long)(pause.TotalSeconds * time.TimestampFrequency);
            }

            reached++;
            if (!what.Webhooks.Any(webhook => webhook.Receives(step.Event)))
            {
                skipped.Add(new SkippedStep(index, step.Event, EventRouting.NotRouted(what.Webhooks, step.Event)));
                continue;
            }

            // The provider sends the event to each webhook subscribed to it, one after another.
            for (var w = 0; w < what.Webhooks.Count; w++)
            {
                if (stopSending.IsCancellationRequested)
                {
                    cutOff += what.Webhooks.Skip(w).Any(webhook => webhook.Receives(step.Event)) ? 1 : 0;
                    break;
                }

                var webhook = what.Webhooks[w];
                if (!webhook.Receives(step.Event))
                    continue;
                var config = webhook.Config;
                var context = new StepContext(call, step, index, eventTime) { Memo = memos[w] };
                if (profile.SkipReason(context, config) is { } reason)
                {
                    // The provider would stay silent here; nothing is sent and nothing is expected.
                    skipped.Add(new SkippedStep(index, step.Event, reason) { Webhook = webhook.Name });
                    continue;
                }

                var built = DeliveryRecords.Build(profile, config, context);
                var queuedMs = Math.Max(0, time.GetElapsedTime(intended).TotalMilliseconds);
                var (request, observation, earlier) = await challenge
                    .SendAsync(built, profile.SendsCredentialsAfterChallenge, what.Timeout, abortInFlight)
                    .ConfigureAwait(false);
                intended = time.GetTimestamp();
                var delivery = DeliveryRecords.Create(
                    config,
                    context,
                    request,
                    observation,
                    what.Expectations[index],
                    earlier: earlier
                ) with
                {
                    Webhook = webhook.Name,
                };
                deliveries.Add(delivery);
                onDelivery?.Invoke(delivery, queuedMs);
            }
        }

        return new PlayedCall(deliveries, skipped, scenario.Steps.Count - reached + cutOff);
    }

    /// <summary>What every event of a scenario expects: its own expectation over the scenario's over the provider's default (a 2xx within budget).</summary>
    public static ExpectationSpec[] Expectations(Scenario scenario, IProviderProfile profile)
    {
        var defaults = new ExpectationSpec { Status = StatusExpectation.Success, Within = profile.TimeBudget };
        return scenario.Steps.Select(step => step.Expect.Over(scenario.Expect).Over(defaults)).ToArray();
    }

    private async Task<bool> PauseAsync(TimeSpan pause, CancellationToken stopSending)
    {
        try
        {
            await Task.Delay(pause, time, stopSending).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
