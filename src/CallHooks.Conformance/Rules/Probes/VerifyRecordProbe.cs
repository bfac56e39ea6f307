using System.Text.Json;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Rules.Probes;

/// <summary>
/// SIDE-001 and SIDE-002, the proof a listener did its job: after the call, its record (<c>--verify-url</c> with
/// <c>{uid}</c>) exists and names the caller; after a duplicate delivery, it is still one record, not two.
/// </summary>
internal sealed class VerifyRecordProbe(Rule rule, bool sendDuplicateFirst) : RuleProbe(rule)
{
    public override string? NotApplicable(RuleContext context) =>
        context.Options.VerifyUrl is null ? "no --verify-url given" : null;

    public override async Task<RuleResult> CheckAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var deliveries = new List<DeliveryResult>();
        if (sendDuplicateFirst && context.Result.Deliveries.Count > 0)
            deliveries.Add(await ResendFinalAsync(context, cancellationToken).ConfigureAwait(false));

        var url = new Uri(context.Options.VerifyUrl!.Replace("{uid}", Uri.EscapeDataString(context.Result.CallId), StringComparison.Ordinal));
        var (status, body, problem) = await FetchAsync(context, url, cancellationToken).ConfigureAwait(false);
        var evidence = new List<string> { $"GET {url} -> {(problem ?? status.ToString(System.Globalization.CultureInfo.InvariantCulture))}", Excerpt(body) };
        var failures = ProbeSender.Failures(deliveries).ToList();
        if (problem is not null)
            failures.Add($"the record at {url} could not be fetched: {problem}");
        else if (status != 200)
            failures.Add($"expected the call's record at {url} with status 200, got {status}");
        else
            failures.AddRange(Judge(context, body));
        return Verdict(context, failures, deliveries, evidence);
    }

    private List<string> Judge(RuleContext context, string body)
    {
        var failures = new List<string>();
        var national = context.Result.Customer.Length > 10 ? context.Result.Customer[^10..] : context.Result.Customer;
        if (!body.Contains(national, StringComparison.Ordinal))
            failures.Add($"the record does not mention the caller's number {context.Result.Customer}");
        try
        {
            using var document = JsonDocument.Parse(body);
            if (sendDuplicateFirst && document.RootElement is { ValueKind: JsonValueKind.Array } list && list.GetArrayLength() != 1)
                failures.Add($"after a duplicate delivery the record lists {list.GetArrayLength()} calls; a retry must not create a second record");
        }
        catch (JsonException exception)
        {
            failures.Add("the record is not JSON: " + exception.Message.Split(" LineNumber", 2)[0]);
        }

        return failures;
    }

    private static async Task<DeliveryResult> ResendFinalAsync(RuleContext context, CancellationToken cancellationToken)
    {
        // Re-send the scenario's own final event exactly: the provider's retry of a delivery it thinks was lost.
        var index = context.SentSteps[^1];
        var original = context.Result.Deliveries[^1];
        var call = Generation.CallGenerator.Generate(context.Scenario, context.Plan.Seed, context.Plan.CallStart);
        var step = new StepContext(call, context.Scenario.Steps[index], index, original.EventTime);
        var request = Running.DeliveryRecords.Build(context.Profile, context.Config, step);
        var expect = new Expectations.ExpectationSpec { Status = Expectations.StatusExpectation.Success, Within = context.Profile.TimeBudget };
        var observation = await context.Dispatcher.SendAsync(request, context.Timeout, cancellationToken).ConfigureAwait(false);
        return Running.DeliveryRecords.Create(context.Config, step, request, observation, expect, "duplicate of the final event");
    }

    /// <summary>Fetches with the webhook's own credentials: a listener guards its records as it guards its webhooks.</summary>
    private static async Task<(int Status, string Body, string? Problem)> FetchAsync(RuleContext context, Uri url, CancellationToken cancellationToken)
    {
        var request = context.Profile.Authenticate(new Wire.WebhookRequest { Method = "GET", Url = url }, context.Config with { Target = url });
        var observation = await context.Dispatcher.SendAsync(request, context.Timeout, cancellationToken).ConfigureAwait(false);
        return observation.Response is { } response
            ? (response.Status, response.Body, null)
            : (0, "", observation.Failure?.Message);
    }

    private static string Excerpt(string body) => body.Length <= 500 ? body : body[..500] + "…";
}
