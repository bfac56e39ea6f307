using System.Text.Json.Nodes;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Results;
using CallHooks.Conformance.Scenarios;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Rules.Probes;

/// <summary>
/// ROB-001 to ROB-005: a fresh call whose events carry a payload a provider may legitimately send: fields it added
/// later, optional fields left out or empty, non-Latin or very long text. Each must get a 2xx. Which fields vary is the
/// profile's per-event <see cref="PayloadHints"/>; they reach the wire however the setup sends them (a JSON member, a
/// form or query parameter, a template variable), so a GET setup varies its mapped query parameters. A rule whose
/// variation changes no byte of any request (the setup sends none of those fields) is not applicable, and says why.
/// </summary>
internal sealed class PayloadVariantProbe(Rule rule, Func<PayloadHints, ScenarioStep, bool, ScenarioStep?> vary, string probe)
    : RuleProbe(rule)
{
    /// <summary>Long enough to overflow a VARCHAR(255) or a fixed buffer, short of any sane body limit.</summary>
    public const int LongLength = 10_000;

    /// <summary>
    /// The long value in a query string: still four times a VARCHAR(255), while the request line stays inside the 8 KB
    /// that Kestrel, nginx and Apache allow by default (a 10,000-character URL would only test the server's limit).
    /// </summary>
    public const int LongQueryLength = 1_000;

    public static ScenarioStep? ExtraFields(PayloadHints hints, ScenarioStep step, bool inQuery) =>
        hints.KeysNote is not null
            ? null
            : step with
            {
                Set = new Dictionary<string, JsonNode?>(step.Set)
                {
                    ["x_callhooks_new_field"] = "added by a newer provider release",
                    ["x_callhooks_nested"] = new JsonObject { ["list"] = new JsonArray(1, "two", null), ["flag"] = true },
                },
            };

    public static ScenarioStep? WithoutOptional(PayloadHints hints, ScenarioStep step, bool inQuery) =>
        hints.OptionalFields.Count == 0 ? null : step with { Unset = [.. step.Unset, .. hints.OptionalFields] };

    public static ScenarioStep? EmptyOptional(PayloadHints hints, ScenarioStep step, bool inQuery) =>
        hints.OptionalFields.Count == 0 ? null : SetAll(step, hints.OptionalFields, "");

    public static ScenarioStep? NonLatin(PayloadHints hints, ScenarioStep step, bool inQuery) =>
        hints.TextFields.Count == 0 ? null : SetAll(step, hints.TextFields, "ग्राहक राजेश — 客户 — عميل — 😀");

    public static ScenarioStep? VeryLong(PayloadHints hints, ScenarioStep step, bool inQuery) =>
        hints.TextFields.Count == 0 ? null : SetAll(step, hints.TextFields, new string('x', inQuery ? LongQueryLength : LongLength));

    public override string? NotApplicable(RuleContext context)
    {
        var steps = context.SentSteps.Select(index => context.Scenario.Steps[index]).ToList();
        if (steps.Any(step => Vary(context, step) is not null))
            return null;
        return steps.Select(step => context.Profile.HintsFor(step.Event).KeysNote).FirstOrDefault(note => note is not null) is { } keysNote
            ? $"{context.Profile.Name}: {keysNote}"
            : $"{context.Profile.Name} documents no field this rule varies on the events this scenario sends ({string.Join(", ", steps.Select(step => step.Event).Distinct())})";
    }

    public override async Task<RuleResult> CheckAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var sender = new ProbeSender(context, Rule);
        var requests = sender
            .Sent.Select(index =>
            {
                var varied = sender.Build(index, step => Vary(context, step) ?? step);
                return (Index: index, Request: varied, Changed: !SameWire(sender.Build(index), varied));
            })
            .ToList();
        if (!requests.Any(request => request.Changed))
            return Verdict(context, []) with { NotApplicable = Unchanged(context) };

        var deliveries = new List<DeliveryResult>();
        foreach (var (index, request, _) in requests)
            deliveries.Add(await sender.SendAsync(index, request, probe, sender.Accepted, cancellationToken).ConfigureAwait(false));

        var varied = requests.Where(request => request.Changed).Select(request => context.Scenario.Steps[request.Index].Event).Distinct();
        return Verdict(
            context,
            ProbeSender.Failures(deliveries),
            deliveries,
            [$"{probe} on {string.Join(", ", varied)}; the call's other events went as the provider sends them"]
        );
    }

    private ScenarioStep? Vary(RuleContext context, ScenarioStep step) =>
        vary(context.Profile.HintsFor(step.Event), step, !context.HasBody);

    /// <summary>True when both requests put the same bytes on the wire where a variation can show: the URL (a GET's query), the content type and the body.</summary>
    private static bool SameWire(WebhookRequest plain, WebhookRequest varied) =>
        plain.Url.AbsoluteUri == varied.Url.AbsoluteUri
        && plain.ContentType == varied.ContentType
        && plain.Body.Span.SequenceEqual(varied.Body.Span);

    private static string Unchanged(RuleContext context) =>
        context.HasBody
            ? $"{context.Profile.Name} would send these requests unchanged: this setup sends none of the fields the rule varies (a --template without them), or they are already absent on this call"
            : $"this GET setup sends only its mapped query parameters, and none is a field the rule varies (map one with --query; 'callhooks list --fields {context.Profile.Name}' lists the fields)";

    private static ScenarioStep SetAll(ScenarioStep step, IEnumerable<string> fields, string value)
    {
        var set = new Dictionary<string, JsonNode?>(step.Set);
        foreach (var field in fields)
            set[field] = value;
        return step with { Set = set };
    }
}
