using System.Text.Json.Nodes;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Results;
using CallHooks.Conformance.Scenarios;

namespace CallHooks.Conformance.Rules.Probes;

/// <summary>
/// ROB-001 to ROB-005: a fresh call whose every event carries a payload a provider may legitimately send: fields
/// it added later, optional fields left out or empty, non-Latin or very long text. Each must get a 2xx.
/// </summary>
internal sealed class PayloadVariantProbe(Rule rule, Func<PayloadHints, ScenarioStep, ScenarioStep?> vary, string probe) : RuleProbe(rule)
{
    /// <summary>Long enough to overflow a VARCHAR(255) or a fixed buffer, short of any sane body limit.</summary>
    public const int LongLength = 10_000;

    public static ScenarioStep? ExtraFields(PayloadHints hints, ScenarioStep step) => step with
    {
        Set = new Dictionary<string, JsonNode?>(step.Set)
        {
            ["x_callhooks_new_field"] = "added by a newer provider release",
            ["x_callhooks_nested"] = new JsonObject { ["list"] = new JsonArray(1, "two", null), ["flag"] = true },
        },
    };

    public static ScenarioStep? WithoutOptional(PayloadHints hints, ScenarioStep step) =>
        hints.OptionalFields.Count == 0 ? null : step with { Unset = [.. step.Unset, .. hints.OptionalFields] };

    public static ScenarioStep? EmptyOptional(PayloadHints hints, ScenarioStep step) =>
        hints.OptionalFields.Count == 0 ? null : SetAll(step, hints.OptionalFields, "");

    public static ScenarioStep? NonLatin(PayloadHints hints, ScenarioStep step) =>
        hints.TextFields.Count == 0 ? null : SetAll(step, hints.TextFields, "ग्राहक राजेश — 客户 — عميل — 😀");

    public static ScenarioStep? VeryLong(PayloadHints hints, ScenarioStep step) =>
        hints.TextFields.Count == 0 ? null : SetAll(step, hints.TextFields, new string('x', LongLength));

    public override string? NotApplicable(RuleContext context)
    {
        if (!context.HasBody)
            return "GET webhooks carry only the mapped query parameters, not the payload";
        return context.Profile.Hints.IsEmpty || vary(context.Profile.Hints, context.Scenario.Steps[context.SentSteps[0]]) is null
            ? $"{context.Profile.Name} declares no payload hints (its optional and free-text fields), so its payload is not varied"
            : null;
    }

    public override async Task<RuleResult> CheckAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var sender = new ProbeSender(context, Rule);
        var deliveries = new List<DeliveryResult>();
        foreach (var index in sender.Sent)
        {
            var request = sender.Build(index, step => vary(context.Profile.Hints, step) ?? step);
            deliveries.Add(await sender.SendAsync(index, request, probe, sender.Accepted, cancellationToken).ConfigureAwait(false));
        }

        return Verdict(context, ProbeSender.Failures(deliveries), deliveries);
    }

    private static ScenarioStep SetAll(ScenarioStep step, IEnumerable<string> fields, string value)
    {
        var set = new Dictionary<string, JsonNode?>(step.Set);
        foreach (var field in fields)
            set[field] = value;
        return step with { Set = set };
    }
}
