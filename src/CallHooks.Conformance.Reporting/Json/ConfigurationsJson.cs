using System.Text.Json;
using CallHooks.Conformance.Reporting.Model;
using CallHooks.Conformance.Reporting.Text;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Reporting.Json;

/// <summary>
/// The <c>configurations</c> array of a <c>--matrix</c> run (results.json and the page's data): each configuration's
/// provider, label, axis values, seed, scenario counts and the command that replays it alone.
/// </summary>
internal static class ConfigurationsJson
{
    /// <summary>Writes nothing for a run of one configuration, so those results keep their shape.</summary>
    public static void Write(Utf8JsonWriter json, RunResult result)
    {
        if (result.Configurations is null)
            return;
        json.WriteStartArray("configurations");
        foreach (var verdict in ConfigurationVerdict.Of(result))
        {
            var configuration = verdict.Configuration;
            json.WriteStartObject();
            JsonFields.Text(json, "provider", configuration.Provider);
            JsonFields.Text(json, "label", configuration.Label);
            json.WriteStartObject("values");
            foreach (var (axis, value) in configuration.Values)
                JsonFields.Text(json, axis, value);
            json.WriteEndObject();
            json.WriteNumber("seed", configuration.Seed);
            json.WriteNumber("passed", verdict.Passed);
            json.WriteNumber("failed", verdict.Failed);
            json.WriteNumber("rulesBroken", verdict.RulesBroken);
            JsonFields.Text(json, "replay", configuration.Replay);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
