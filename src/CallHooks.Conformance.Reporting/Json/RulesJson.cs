using System.Text.Json;
using CallHooks.Conformance.Reporting.Text;
using CallHooks.Conformance.Rules;

namespace CallHooks.Conformance.Reporting.Json;

/// <summary>The rule parts of results.json: a run-wide count, and per scenario each rule's verdict with its evidence.</summary>
internal static class RulesJson
{
    public static void WriteSummary(Utf8JsonWriter json, IReadOnlyList<RuleResult> rules)
    {
        json.WriteStartObject("rules");
        json.WriteNumber("checked", rules.Count(rule => rule.Applicable));
        json.WriteNumber("passed", rules.Count(rule => rule.Passed));
        json.WriteNumber("failed", rules.Count(rule => rule.FailsRun));
        json.WriteNumber("warnings", rules.Count(rule => rule.Applicable && !rule.Passed && !rule.FailsRun));
        json.WriteNumber("notApplicable", rules.Count(rule => !rule.Applicable));
        json.WriteStartArray("failedIds");
        foreach (var id in rules.Where(rule => rule.FailsRun).Select(rule => rule.Rule.Id).Distinct().Order(StringComparer.Ordinal))
            json.WriteStringValue(id);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void WriteRules(Utf8JsonWriter json, IReadOnlyList<RuleResult> rules)
    {
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            JsonFields.Text(json, "id", rule.Rule.Id);
            JsonFields.Text(json, "level", rule.Rule.LevelText);
            JsonFields.Text(json, "suite", rule.Rule.Suite.ToString().ToLowerInvariant());
            JsonFields.Text(json, "title", rule.Rule.Title);
            if (rule.Webhook is not null)
                JsonFields.Text(json, "webhook", rule.Webhook);
            JsonFields.Text(json, "judges", rule.Rule.JudgesText);
            JsonFields.Text(json, "status", rule.Status);
            JsonFields.Text(json, "notApplicable", rule.NotApplicable);
            JsonFields.Text(json, "notChecked", rule.Unchecked);
            WriteStrings(json, "failures", rule.Failures);
            WriteStrings(json, "evidence", rule.Evidence);
            json.WriteStartArray("deliveries");
            foreach (var delivery in rule.Deliveries)
                ResultsJsonWriter.WriteDelivery(json, delivery);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(SafeText.ForJson(value));
        json.WriteEndArray();
    }
}
