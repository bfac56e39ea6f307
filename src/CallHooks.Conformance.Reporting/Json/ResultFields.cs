using System.Text.Json;
using CallHooks.Conformance.Reporting.Text;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Reporting.Json;

/// <summary>
/// The fields that describe a run and a scenario, written the same way into results.json and the report page's
/// data, so the two never disagree on a name or an order.
/// </summary>
internal static class ResultFields
{
    /// <summary>Tool, seed, clock, target, command line, options and timing of the run.</summary>
    /// <param name="format">The file's format number, written after the version; null to leave it out.</param>
    public static void Run(Utf8JsonWriter json, RunResult result, int? format = null)
    {
        JsonFields.Text(json, "tool", result.Tool);
        JsonFields.Text(json, "version", result.Version);
        if (format is { } number)
            json.WriteNumber("format", number);
        json.WriteNumber("seed", result.Seed);
        if (result.Replay)
            json.WriteBoolean("replay", true);
        JsonFields.Timestamp(json, "now", result.Now);
        JsonFields.Text(json, "target", result.Target);
        json.WriteBoolean("embeddedListener", result.EmbeddedListener);
        json.WriteBoolean("inProcess", result.InProcess);
        JsonFields.Text(json, "commandLine", result.CommandLine);

        // Options keep the caller's order: the CLI lists them in the order a reader expects.
        json.WriteStartObject("options");
        foreach (var (name, value) in result.Options)
            JsonFields.Text(json, SafeText.ForJson(name), value);
        json.WriteEndObject();

        JsonFields.Timestamp(json, "startedAt", result.StartedAt);
        JsonFields.Timestamp(json, "finishedAt", result.FinishedAt);
        JsonFields.Milliseconds(json, "durationMs", (result.FinishedAt - result.StartedAt).TotalMilliseconds);
    }

    /// <summary>The <c>summary</c> object: scenarios and deliveries, passed and failed.</summary>
    public static void Summary(Utf8JsonWriter json, RunResult result)
    {
        var deliveries = result.Scenarios.SelectMany(scenario => scenario.Deliveries).ToList();
        json.WriteStartObject("summary");
        json.WriteNumber("total", result.Scenarios.Count);
        json.WriteNumber("passed", result.Passed);
        json.WriteNumber("failed", result.Failed);
        if (result.NotSent > 0)
            json.WriteNumber("skipped", result.NotSent);
        if (result.Interrupted)
        {
            json.WriteNumber("interrupted", result.InterruptedScenarios);
            json.WriteNumber("notStarted", result.NotStarted);
        }

        json.WriteNumber("deliveries", deliveries.Count);
        json.WriteNumber("deliveriesFailed", deliveries.Count(delivery => !delivery.Passed));
        json.WriteEndObject();
    }

    /// <summary>
    /// The <c>checked</c> object: what the verdict rests on (the answers always; the listener's records, searched as text
    /// or read field by field; its CRM pushes; security; robustness), a one-line label and what was not checked, each
    /// with the option that would check it.
    /// </summary>
    public static void Checked(Utf8JsonWriter json, CheckScope scope)
    {
        json.WriteStartObject("checked");
        JsonFields.Text(json, "label", scope.Label);
        json.WriteBoolean("answers", true);
        JsonFields.Text(
            json,
            "records",
            scope.WeakContents ? "text"
                : scope.Records is Rules.DataJudgement.Record ? "fields"
                : "none"
        );
        json.WriteBoolean("crmPushes", scope.CrmPushes);
        json.WriteBoolean("security", scope.Security);
        json.WriteBoolean("robustness", scope.Robustness);
        json.WriteStartArray("notChecked");
        foreach (var part in scope.UncheckedParts())
            json.WriteStringValue(part);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Which scenario, which call, and its verdict and duration.</summary>
    public static void Scenario(Utf8JsonWriter json, ScenarioResult scenario)
    {
        JsonFields.Text(json, "provider", scenario.Provider);
        JsonFields.Text(json, "name", scenario.Name);
        if (scenario.ConfigurationLabel is { } configuration)
            JsonFields.Text(json, "configuration", configuration);
        JsonFields.Text(json, "description", scenario.Description);
        JsonFields.Text(json, "callId", scenario.CallId);
        JsonFields.Text(json, "customer", scenario.Customer);
        json.WriteNumber("seed", scenario.Seed);
        json.WriteBoolean("passed", scenario.Passed);
        JsonFields.Text(json, "status", scenario.Status);
        if (scenario.Interrupted)
        {
            // Only on calls the interruption cut short, so complete runs keep their shape.
            json.WriteBoolean("interrupted", true);
            json.WriteNumber("unsent", scenario.Unsent);
        }

        Checked(json, scenario.Checked);
        JsonFields.Milliseconds(json, "durationMs", scenario.DurationMs);
    }
}
