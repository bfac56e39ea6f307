using CallHooks.Conformance.Scenarios;

namespace CallHooks.Conformance.Rules.Probes;

/// <summary>
/// CRM-003: when the CRM fails or is slow, the listener still answers the provider in time. The mock CRM answers as
/// the user's <c>--downstream-mappings</c> say (a 500, a broken response, a delay); a listener that calls the CRM
/// inside the webhook handler and lets its failure or its slowness reach the provider fails here, with the CRM's
/// answer named as the cause. Judged only for calls whose CRM requests met trouble: otherwise nothing was tested.
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
        var troubled = ofTheCall.Where(request => request.Troubled(slow)).ToList();
        if (troubled.Count == 0)
            return Verdict(context, []) with
            {
                NotApplicable =
                    $"the CRM answered every request of this call with a 2xx or 4xx within {DurationText.Format(slow)}; give --downstream-mappings that answer 500, break or delay to check this",
            };

        var budget = context.Profile.TimeBudget;
        var cause = $"the CRM answered {troubled[0].Method} {troubled[0].Path} with {troubled[0].Answer}";
        var failures = new List<string>();
        foreach (var delivery in context.Result.Deliveries)
        {
            var observation = delivery.Observation;
            if (observation.Failure is { } failure)
                failures.Add($"event {delivery.Event}: {failure.Message}, while {cause}");
            else if (observation.Response is { Status: < 200 or > 299 } response)
                failures.Add(
                    $"event {delivery.Event}: the listener answered the provider {response.Status} while {cause}: the provider retries, and the CRM is called again"
                );
            else if (observation.LatencyMs > budget.TotalMilliseconds)
                failures.Add(
                    $"event {delivery.Event}: answered in {observation.LatencyMs:0} ms, over the provider's budget {DurationText.Format(budget)}, while {cause}: queue the CRM work and answer first"
                );
        }

        return Verdict(context, failures, evidence: [.. troubled.Select(request => request.ToString()).Take(EvidenceLimit)]);
    }
}
