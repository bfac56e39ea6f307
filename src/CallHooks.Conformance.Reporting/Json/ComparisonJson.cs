using System.Text.Json;
using CallHooks.Conformance.Reporting.Comparison;
using CallHooks.Conformance.Reporting.Text;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Reporting.Json;

/// <summary>The <c>comparison</c> object of results.json and the page's data, and of <c>callhooks compare --out</c>.</summary>
internal static class ComparisonJson
{
    /// <summary>Writes nothing without a comparison.</summary>
    public static void Write(Utf8JsonWriter json, RunComparison? comparison)
    {
        if (comparison is null)
            return;
        json.WriteStartObject("comparison");
        JsonFields.Text(json, "baseline", comparison.Baseline);
        JsonFields.Text(json, "verdict", ComparisonText.Verdict(comparison));
        json.WriteNumber("regressions", comparison.Regressions);
        json.WriteNumber("stillPassing", comparison.StillPassing);
        json.WriteStartArray("changes");
        foreach (var change in comparison.Changes)
        {
            json.WriteStartObject();
            JsonFields.Text(json, "cell", change.Cell);
            JsonFields.Text(json, "transition", change.Transition);
            JsonFields.Text(json, "before", change.Before);
            JsonFields.Text(json, "after", change.After);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        Strings(json, "newlyBrokenRules", comparison.NewlyBrokenRules);
        json.WriteStartArray("latency");
        foreach (var regression in comparison.Latency)
        {
            json.WriteStartObject();
            JsonFields.Text(json, "event", regression.Event);
            JsonFields.Milliseconds(json, "beforeP90Ms", regression.BeforeP90Ms);
            JsonFields.Milliseconds(json, "afterP90Ms", regression.AfterP90Ms);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        Strings(json, "knownFailures", comparison.KnownFailures);
        json.WriteStartArray("lines");
        foreach (var line in ComparisonText.Lines(comparison))
            json.WriteStringValue(SafeText.ForJson(line));
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(SafeText.ForJson(value));
        json.WriteEndArray();
    }
}
