using CallHooks.Conformance.Providers.StandardWebhooks;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Rules.Probes;

/// <summary>
/// RETRY-001: a fresh call whose final event is then retried exactly as the provider would after losing the
/// answer: as many times and with the pauses its policy documents (Standard Webhooks' schedule when signing with
/// it), compressed by <c>--retry-speedup</c>. Every attempt is the same event, so every one must get a 2xx.
/// </summary>
internal sealed class RetryScheduleProbe(Rule rule) : RuleProbe(rule)
{
    /// <summary>The Standard Webhooks retry schedule after the immediate first attempt.</summary>
    private static readonly TimeSpan[] StandardWebhooksSchedule =
    [
        TimeSpan.FromSeconds(5),
        TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2),
        TimeSpan.FromHours(5),
        TimeSpan.FromHours(10),
        TimeSpan.FromHours(10),
    ];

    public override string? NotApplicable(RuleContext context) =>
        Schedule(context).Count == 0 ? $"{context.Profile.Name} documents no retry policy" : null;

    public override async Task<RuleResult> CheckAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var sender = new ProbeSender(context, Rule);
        var judge = new Records.RecordJudge(context);
        var deliveries = new List<DeliveryResult>();
        foreach (var index in sender.Sent)
            deliveries.Add(
                await sender.SendAsync(index, sender.Build(index), "in order", sender.Accepted, cancellationToken).ConfigureAwait(false)
            );
        var beforeRetries = await judge.SnapshotAsync(sender.Call, cancellationToken).ConfigureAwait(false);

        var last = sender.Last;
        var schedule = Schedule(context);
        var retriesStart = context.Time.GetUtcNow();
        for (var attempt = 0; attempt < schedule.Count && !cancellationToken.IsCancellationRequested; attempt++)
        {
            var pause = TimeSpan.FromTicks((long)(schedule[attempt].Ticks / context.Options.RetrySpeedup));
            try
            {
                await Task.Delay(pause, context.Time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            var probe =
                $"retry {attempt + 1} of {schedule.Count} (after {Scenarios.DurationText.Format(schedule[attempt])}, replayed after {Scenarios.DurationText.Format(pause)})";
            var retry = sender.Build(last);
            // A Standard Webhooks sender signs each attempt anew with the current time (same webhook-id), so a
            // compressed schedule never presents a stale timestamp. With a signature clock the build above already did;
            // in call time, the attempt's time is the event's plus the time the retries have taken.
            if (
                context.Config.Sign == StandardWebhooksSigning.Scheme
                && context.Config.Secret is { } secret
                && context.Config.SignatureClock is null
            )
                retry = SignatureStaleProbe.Resign(retry, secret, sender.EventTime(last) + (context.Time.GetUtcNow() - retriesStart));
            deliveries.Add(await sender.SendAsync(last, retry, probe, sender.Accepted, cancellationToken).ConfigureAwait(false));
        }

        var failures = ProbeSender.Failures(deliveries).ToList();
        if (
            beforeRetries is not null
            && await judge.SnapshotAsync(sender.Call, cancellationToken).ConfigureAwait(false) is { } afterRetries
        )
            failures.AddRange(
                judge.Unchanged(
                    beforeRetries,
                    afterRetries,
                    $"the {schedule.Count} retries of event {context.Scenario.Steps[last].Event}",
                    sender.Call
                )
            );
        return Verdict(context, failures, deliveries) with { Data = beforeRetries is null ? DataJudgement.None : DataJudgement.Record };
    }

    private static IReadOnlyList<TimeSpan> Schedule(RuleContext context) =>
        context.Config.Sign == StandardWebhooksSigning.Scheme ? StandardWebhooksSchedule : context.Profile.RetrySchedule;
}
