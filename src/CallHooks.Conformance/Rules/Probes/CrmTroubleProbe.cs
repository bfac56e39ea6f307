using CallHooks.Conformance.Scenarios;

namespace CallHooks.Conformance.Rules.Probes;

/// <summary>
/// CRM-003: when the CRM fails or is slow, the listener still answers the provider in time. The mock CRM answers as
/// the user's <c>--downstream-mappings</c> say (a 500, a delay); a listener that calls the CRM inside the webhook
/// handler and lets its failure or its slowness reach the provider fails here, each failing delivery named with the
/// CRM request made while it waited. Judged only for calls whose CRM requests met trouble: otherwise nothing was tested.
/// </summary>
internal sealed class CrmTroubleProbe(Rule rule) : RuleProbe(rule)
{
    private const int EvidenceLimit = 20;

    public override string? NotApplicable(RuleContext context) =>
        context.CrmNotJudged ?? (context.Scenario.Downstream is null ? "the scenario expects no downstream call" : null);

    public override async Task<RuleResult> CheckAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var inbox = context.Options.Downstream!;
        var needles = DownstreamInbox.CallerNeedles(context.Result.Customer).Append(context.Result.CallId).ToArray();
        bool OfTheCall(DownstreamRequest request) => needles.Any(needle => request.Body.Contains(needle, StringComparison.Ordinal));
        // A listener that queues its CRM work calls the CRM after answering; wait for the call's first CRM request.
        await inbox.WaitForAsync(OfTheCall, context.Scenario.Downstream!.Value, cancellationToken).ConfigureAwait(false);
        var slow = context.Options.Fast;
        var ofTheCall = inbox.Received.Where(OfTheCall).ToList();
        if (ofTheCall.Count == 0)
            return Verdict(context, []) with
            {
                NotApplicable = "no CRM request of this call arrived, so the CRM's trouble was not tested (SIDE-003 judges the push)",
            };
        var now = context.Time.GetUtcNow();
        var troubled = ofTheCall.Where(request => request.Troubled(slow, now)).ToList();
        if (troubled.Count == 0)
            return Verdict(context, []) with
            {
                NotApplicable =
                    $"the CRM answered the {ofTheCall.Count} request(s) of this call that had arrived by {now:HH:mm:ss.fff} with less than a 5xx within {DurationText.Format(slow)}; give --downstream-mappings that answer 500 or delay to check this",
            };

        var budget = context.Profile.TimeBudget;
        var failures = new List<string>();
        foreach (var delivery in context.Result.Deliveries)
        {
            var observation = delivery.Observation;
            // Only a delivery the CRM trouble could have caused: one still waiting for its answer when that request came.
            var answeredAt = observation.SentAt + TimeSpan.FromMilliseconds(observation.LatencyMs);
            if (
                troubled.FirstOrDefault(request => request.ReceivedAt >= observation.SentAt && request.ReceivedAt <= answeredAt)
                is not { } cause
            )
                continue;
            var crm = $"the CRM, asked {cause.Method} {cause.Path} while this delivery waited, {cause.Answer}";
            if (observation.Failure is { } failure)
                failures.Add($"event {delivery.Event}: {failure.Message}, while {crm}");
            else if (observation.Response is { Status: < 200 or > 299 } response)
                failures.Add(
                    $"event {delivery.Event}: the listener answered the provider {response.Status} while {crm}: the provider retries, and the CRM is called again"
                );
            else if (observation.LatencyMs > budget.TotalMilliseconds)
                failures.Add(
                    $"event {delivery.Event}: answered in {observation.LatencyMs:0} ms, over the provider's budget {DurationText.Format(budget)}, while {crm}: queue the CRM work and answer first"
                );
        }

        return Verdict(context, failures, evidence: [.. troubled.Select(request => request.ToString()).Take(EvidenceLimit)]);
    }
}
