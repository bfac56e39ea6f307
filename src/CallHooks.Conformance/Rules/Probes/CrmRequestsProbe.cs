using System.Text.Json;
using CallHooks.Conformance.Calls;
using CallHooks.Conformance.Generation;
using CallHooks.Conformance.Scenarios;

namespace CallHooks.Conformance.Rules.Probes;

/// <summary>
/// CRM-002: the CRM receives what the scenario says the call must cause, carrying the call's data: each of the
/// scenario's <c>downstream.requests</c> (method, path, count, and JSON values written against the call, such as
/// <c>{call.agent.e164}</c>). A listener that answers 200 but stores an empty agent, or the wrong status, fails here
/// with the CRM request it did send.
/// </summary>
internal sealed class CrmRequestsProbe(Rule rule) : RuleProbe(rule)
{
    private const int EvidenceLimit = 20;

    public override string? NotApplicable(RuleContext context) =>
        context.CrmNotJudged
        ?? (
            context.Scenario.Downstream is null || context.Scenario.CrmRequests.Count == 0
                ? "the scenario names no CRM request (downstream.requests)"
                : null
        );

    public override async Task<RuleResult> CheckAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var inbox = context.Options.Downstream!;
        // The call the scenario played: the same seed and clock give the same call.
        var call = CallGenerator.Generate(context.Scenario, context.Plan.Seed, context.Plan.CallStart);
        var needles = DownstreamInbox.CallerNeedles(context.Result.Customer).Append(context.Result.CallId).ToArray();
        bool OfTheCall(DownstreamRequest request) => needles.Any(needle => request.Body.Contains(needle, StringComparison.Ordinal));

        var deadline = context.Time.GetUtcNow() + context.Scenario.Downstream!.Value;
        var failures = new List<string>();
        foreach (var expected in context.Scenario.CrmRequests)
        {
            bool Satisfies(DownstreamRequest request) =>
                OfTheCall(request) && Routed(expected, request) && Differences(expected, call, context.Result.CallId, request).Count == 0;
            if (expected.Count is not 0)
            {
                var left = deadline - context.Time.GetUtcNow();
                await inbox.WaitForAsync(Satisfies, left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            }

            var matching = inbox.Received.Count(Satisfies);
            if (matching == 0 && expected.Count is not 0)
                failures.Add(Missing(context, expected, call, inbox.Received.Where(OfTheCall).ToList(), inbox.Received.Count));
            else if (expected.Count is { } exactly && matching != exactly)
                failures.Add($"expected {exactly} CRM request(s) {expected.Describe()} for the call, got {matching}");
        }

        var evidence = inbox.Received.Where(OfTheCall).Select(request => request.ToString()).Take(EvidenceLimit).ToList();
        return Verdict(context, failures, evidence: evidence) with { Data = DataJudgement.CrmPush };
    }

    private static bool Routed(CrmRequestExpectation expected, DownstreamRequest request) =>
        (expected.Method is null || string.Equals(expected.Method, request.Method, StringComparison.OrdinalIgnoreCase))
        && (expected.Path is null || string.Equals(expected.Path, request.Path, StringComparison.Ordinal));

    /// <summary>Each expected value the request's JSON body does not hold; a body that is not JSON holds none.</summary>
    private static List<string> Differences(CrmRequestExpectation expected, Call call, string callId, DownstreamRequest request)
    {
        if (expected.Fields.Count == 0)
            return [];
        try
        {
            using var body = JsonDocument.Parse(request.Body);
            return CallValues.Differences(body.RootElement, expected.Fields, call, callId);
        }
        catch (JsonException)
        {
            return ["the body is not JSON"];
        }
    }

    /// <summary>The failure for an expected request that never came: the nearest request of the call, and what differs in it.</summary>
    private static string Missing(
        RuleContext context,
        CrmRequestExpectation expected,
        Call call,
        IReadOnlyList<DownstreamRequest> ofTheCall,
        int total
    )
    {
        var within = DurationText.Format(context.Scenario.Downstream!.Value);
        var routed = ofTheCall.Where(request => Routed(expected, request)).ToList();
        if (routed.Count > 0)
        {
            var nearest = routed.MinBy(request => Differences(expected, call, context.Result.CallId, request).Count)!;
            return $"expected the CRM to receive {expected.Describe()} holding the call's values within {within}; "
                + $"{nearest.Method} {nearest.Path} {nearest.Body} differs: {string.Join("; ", Differences(expected, call, context.Result.CallId, nearest))}";
        }

        return ofTheCall.Count > 0
            ? $"expected the CRM to receive {expected.Describe()} within {within}; the call's requests went elsewhere: {string.Join(", ", ofTheCall.Select(request => request.Method + " " + request.Path).Distinct())}"
            : $"expected the CRM to receive {expected.Describe()} within {within}; no request naming the call (caller {context.Result.Customer} or id {context.Result.CallId}) arrived ({total} other request(s) did)";
    }
}
