using System.Text.Json;
using CallHooks.Conformance.Reporting.Model;
using CallHooks.Conformance.Reporting.Text;

namespace CallHooks.Conformance.Reporting.Json;

/// <summary>The <c>webhooks</c> array of results.json and of the page's data: one entry per panel webhook, results grouped under it.</summary>
internal static class WebhooksJson
{
    /// <summary>Writes nothing for a run without a panel file, so those results keep their shape.</summary>
    public static void Write(Utf8JsonWriter json, IReadOnlyList<WebhookSummary>? webhooks)
    {
        if (webhooks is null)
            return;
        json.WriteStartArray("webhooks");
        foreach (var webhook in webhooks)
        {
            json.WriteStartObject();
            JsonFields.Text(json, "name", webhook.Name);
            JsonFields.Text(json, "provider", webhook.Provider);
            JsonFields.Text(json, "url", webhook.Url);
            JsonFields.Text(json, "method", webhook.Method);
            JsonFields.Text(json, "encoding", webhook.Encoding);
            JsonFields.Text(json, "events", webhook.Events);
            json.WriteBoolean("enabled", webhook.Enabled);
            JsonFields.Text(json, "status", webhook.Status);
            json.WriteNumber("deliveries", webhook.Deliveries);
            json.WriteNumber("deliveriesFailed", webhook.DeliveriesFailed);
            json.WriteNumber("rulesBroken", webhook.RulesBroken);
            json.WriteNumber("rulesWarned", webhook.RulesWarned);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
