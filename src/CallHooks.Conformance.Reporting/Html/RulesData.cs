using System.Text.Json;
using CallHooks.Conformance.Reporting.Text;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Reporting.Html;

/// <summary>
/// The page's rule results: one row per rule and scenario, with the verdict, the reasons and the evidence. Probe
/// deliveries stay in results.json; the page shows what broke and why.
/// </summary>
internal static class RulesData
{
    /// <summary>Evidence lines are excerpts: a listener's body could be anything and any size.</summary>
    private const int EvidenceLimit = 500;

    public static void Write(Utf8JsonWriter json, RunResult result)
    {
        json.WriteStartArray("rules");
        foreach (var scenario in result.Scenarios)
        {
            foreach (var rule in scenario.Rules)
            {
                json.WriteStartObject();
                JsonFields.Text(json, "id", rule.Rule.Id);
                JsonFields.Text(json, "level", rule.Rule.LevelText);
                JsonFields.Text(json, "suite", rule.Rule.Suite.ToString().ToLowerInvariant());
                JsonFields.Text(json, "title", rule.Rule.Title);
                JsonFields.Text(json, "judges", rule.Rule.JudgesText);
                JsonFields.Text(json, "notChecked", rule.Unchecked);
                JsonFields.Text(json, "provider", rule.Provider);
                JsonFields.Text(json, "scenario", rule.Scenario);
                JsonFields.Text(json, "webhook", rule.Webhook);
                JsonFields.Text(json, "status", rule.Status);
                JsonFields.Text(json, "notApplicable", rule.NotApplicable);
                json.WriteStartArray("failures");
                foreach (var failure in rule.Failures)
                    json.WriteStringValue(failure);
                json.WriteEndArray();
                json.WriteStartArray("evidence");
                foreach (var line in rule.Evidence)
                    json.WriteStringValue(line.Length <= EvidenceLimit ? line : line[..EvidenceLimit] + "…");
                json.WriteEndArray();
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
    }
}
