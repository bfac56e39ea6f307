using System.Text.Encodings.Web;
using System.Text.Json;
using CallHooks.Conformance.Reporting.Json;
using CallHooks.Conformance.Reporting.Model;
using CallHooks.Conformance.Reporting.Text;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Reporting.Html;

/// <summary>
/// The JSON the report page is drawn from: the run's facts, the matrix and latency figures worked out here
/// (so they are tested as C#, not only in a browser), and every call with its deliveries. A load run adds its
/// whole-run summary (<c>load.summary</c>, the same figures as results.json), which the page shows first. Compact, because a
/// large run makes a large page; names stay readable, because the data is meant to be inspected.
/// </summary>
internal static class ReportData
{
    /// <summary>Bumped when the page's data changes shape.</summary>
    public const int Format = 1;

    // Relaxed: Hindi names and "+91" stay readable. HtmlSafeJson escapes what matters inside the page.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(RunResult result, Stream output, int passingDetailLimit = DetailBudget.PassingLimit)
    {
        using var json = new Utf8JsonWriter(output, Options);
        var budget = new DetailBudget(passingDetailLimit);
        json.WriteStartObject();
        json.WriteNumber("format", Format);
        WriteRun(json, result);
        WriteMatrix(json, CompatibilityMatrix.Of(result));
        WriteLatency(json, result);
        RulesData.Write(json, result);
        WebhooksJson.Write(json, WebhookSummary.Of(result));
        ConfigurationsJson.Write(json, result);
        ComparisonJson.Write(json, result.Comparison);
        if (result.Configurations is not null)
        {
            json.WriteStartArray("verdicts");
            foreach (var sentence in ConfigurationVerdict.Sentences(result))
                json.WriteStringValue(SafeText.ForJson(sentence));
            json.WriteEndArray();
        }

        json.WriteStartArray("scenarios");
        foreach (var scenario in result.Scenarios)
            DeliveryData.WriteScenario(json, scenario, budget);
        json.WriteEndArray();
        json.WriteStartObject("detail");
        json.WriteNumber("kept", budget.Kept);
        json.WriteNumber("passingLimit", passingDetailLimit);
        json.WriteNumber("responseBodyLimit", DeliveryData.ResponseBodyLimit);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteRun(Utf8JsonWriter json, RunResult result)
    {
        ResultFields.Run(json, result);

        ResultFields.Summary(json, result);
        ResultFields.Checked(json, result.Checked);
        json.WriteBoolean("interrupted", result.Interrupted);
        JsonFields.Text(json, "interruption", result.Interrupted ? InterruptionText.ForRun(result) : null);
        if (result.Load is { } load)
        {
            // The whole run, as results.json has it: the calls below are only those kept for detail.
            json.WriteStartObject("load");
            LoadSummaryJson.Write(json, load);
            json.WriteEndObject();
        }

        json.WriteStartArray("providers");
        foreach (var provider in result.Scenarios.Select(scenario => scenario.Provider).Distinct(StringComparer.Ordinal))
            json.WriteStringValue(SafeText.ForJson(provider));
        json.WriteEndArray();
    }

    private static void WriteMatrix(Utf8JsonWriter json, CompatibilityMatrix matrix)
    {
        json.WriteStartObject("matrix");
        json.WriteStartArray("dimensions");
        foreach (var dimension in matrix.Dimensions)
            json.WriteStringValue(dimension);
        json.WriteEndArray();
        json.WriteStartArray("columns");
        foreach (var column in matrix.Columns)
        {
            json.WriteStartArray();
            foreach (var value in column.Values)
                json.WriteStringValue(SafeText.ForJson(value));
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteStartArray("rows");
        foreach (var row in matrix.Rows)
        {
            json.WriteStartObject();
            JsonFields.Text(json, "name", row.Name);
            json.WriteStartArray("cells");
            foreach (var cell in row.Cells)
                WriteCell(json, cell);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCell(Utf8JsonWriter json, MatrixCell? cell)
    {
        if (cell is null)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartObject();
        json.WriteStartArray("scenarios");
        foreach (var index in cell.Scenarios)
            json.WriteNumberValue(index);
        json.WriteEndArray();
        json.WriteNumber("passed", cell.Passed);
        json.WriteNumber("failed", cell.Failed);
        json.WriteNumber("skipped", cell.Skipped);
        json.WriteNumber("deliveries", cell.Deliveries);
        json.WriteNumber("deliveriesFailed", cell.DeliveriesFailed);
        json.WriteEndObject();
    }

    private static void WriteLatency(Utf8JsonWriter json, RunResult result)
    {
        json.WriteStartObject("latency");
        json.WriteStartArray("events");
        foreach (var latency in LatencyStats.ByEvent(result))
        {
            json.WriteStartObject();
            JsonFields.Text(json, "provider", latency.Provider);
            JsonFields.Text(json, "event", latency.Event);
            json.WriteNumber("answered", latency.Answered);
            json.WriteNumber("noResponse", latency.NoResponse);
            JsonFields.Milliseconds(json, "p50", latency.P50);
            JsonFields.Milliseconds(json, "p90", latency.P90);
            JsonFields.Milliseconds(json, "p99", latency.P99);
            JsonFields.Milliseconds(json, "max", latency.Max);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("histogram");
        foreach (var bucket in LatencyStats.Histogram(result))
        {
            json.WriteStartObject();
            JsonFields.Milliseconds(json, "upToMs", bucket.UpToMs);
            json.WriteNumber("count", bucket.Count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
