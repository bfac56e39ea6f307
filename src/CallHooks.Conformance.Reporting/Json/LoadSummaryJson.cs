using System.Text.Json;
using CallHooks.Conformance.Reporting.Text;
using CallHooks.Conformance.Results;
using CallHooks.Conformance.Running.Load;

namespace CallHooks.Conformance.Reporting.Json;

/// <summary>
/// The <c>summary</c> of a load run's results.json: the conformance summary's fields (counted over every call, not
/// only the kept ones), then rates, percentiles, breakdowns, errors and thresholds. Names are fixed here by hand.
/// </summary>
internal static class LoadSummaryJson
{
    public static void Write(Utf8JsonWriter json, LoadReport load)
    {
        var summary = load.Summary;
        json.WriteStartObject("summary");
        json.WriteNumber("total", summary.CallsCompleted);
        json.WriteNumber("passed", summary.CallsCompleted - summary.CallsFailed);
        json.WriteNumber("failed", summary.CallsFailed);
        json.WriteNumber("deliveries", summary.Deliveries);
        json.WriteNumber("deliveriesFailed", summary.DeliveriesFailed);
        Number(json, "deliveriesPerSecond", summary.DeliveriesPerSecond);
        Number(json, "targetRate", summary.TargetRate);
        Number(json, "achievedRate", summary.AchievedRate);
        json.WriteNumber("concurrency", summary.Concurrency);
        Number(json, "pace", load.Pace);
        json.WriteNumber("callsStarted", summary.CallsStarted);
        if (summary.CallsInterrupted > 0 || summary.DeliveriesCutOff > 0)
        {
            json.WriteNumber("callsInterrupted", summary.CallsInterrupted);
            json.WriteNumber("deliveriesCutOff", summary.DeliveriesCutOff);
        }

        Number(json, "errorRate", summary.ErrorRate);
        WritePercentiles(json, summary.Latency);
        json.WriteStartObject("sent");
        WritePercentiles(json, summary.Sent);
        json.WriteEndObject();

        json.WriteStartObject("errors");
        foreach (var (reason, count) in summary.Errors)
            json.WriteNumber(reason, count);
        json.WriteEndObject();

        WriteGroups(json, "byProvider", summary.ByProvider);
        WriteGroups(json, "byEvent", summary.ByEvent);

        json.WriteStartArray("thresholds");
        foreach (var verdict in load.Thresholds)
        {
            json.WriteStartObject();
            JsonFields.Text(json, "threshold", verdict.Threshold.Text);
            Number(json, "actual", verdict.Actual);
            JsonFields.Text(json, "actualText", verdict.ActualText);
            json.WriteBoolean("passed", verdict.Passed);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        JsonFields.Text(json, "deliveryLog", load.DeliveryLog);
        json.WriteStartObject("kept");
        json.WriteNumber("failuresCap", load.KeepFailures);
        json.WriteNumber("failuresDropped", load.FailuresDropped);
        json.WriteNumber("sample", load.KeepSample);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteGroups(Utf8JsonWriter json, string name, IReadOnlyList<LoadGroupSummary> groups)
    {
        json.WriteStartArray(name);
        foreach (var group in groups)
        {
            json.WriteStartObject();
            JsonFields.Text(json, "provider", group.Provider);
            if (group.Event is not null)
                JsonFields.Text(json, "event", group.Event);
            json.WriteNumber("deliveries", group.Deliveries);
            json.WriteNumber("deliveriesFailed", group.Failed);
            WritePercentiles(json, group.Latency);
            json.WriteStartObject("sent");
            WritePercentiles(json, group.Sent);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Latency from the intended send time unless inside <c>sent</c>.</summary>
    private static void WritePercentiles(Utf8JsonWriter json, LatencyPercentiles latency)
    {
        JsonFields.Milliseconds(json, "p50Ms", latency.P50Ms);
        JsonFields.Milliseconds(json, "p90Ms", latency.P90Ms);
        JsonFields.Milliseconds(json, "p99Ms", latency.P99Ms);
        JsonFields.Milliseconds(json, "p999Ms", latency.P999Ms);
        JsonFields.Milliseconds(json, "maxMs", latency.MaxMs);
        JsonFields.Milliseconds(json, "meanMs", latency.MeanMs);
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
            json.WriteNumber(name, Math.Round(value, 3, MidpointRounding.AwayFromZero));
        else
            json.WriteNull(name);
    }
}
