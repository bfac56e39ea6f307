using System.Text.Json;
using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Reporting.Text;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Reporting.Json;

/// <summary>
/// Writes results.json. Its shape is a documented interface for other tools: property names and order are fixed
/// here by hand rather than derived from the result types, so a refactor of the model cannot silently change it.
/// </summary>
public static class ResultsJsonWriter
{
    // Relaxed escaping keeps "+919876543210" greppable in results.json; the HTML report embeds data with its own escaping.
    private static readonly JsonWriterOptions Options = new() { Indented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly byte[] FinalNewline = "\n"u8.ToArray();

    public static void Write(RunResult result, Stream output)
    {
        using (var json = new Utf8JsonWriter(output, Options))
        {
            json.WriteStartObject();
            WriteRun(json, result);
            json.WriteEndObject();
        }

        output.Write(FinalNewline);
        output.Flush();
    }

    private static void WriteRun(Utf8JsonWriter json, RunResult result)
    {
        WriteText(json, "tool", result.Tool);
        WriteText(json, "version", result.Version);
        json.WriteNumber("seed", result.Seed);
        WriteTimestamp(json, "now", result.Now);
        WriteText(json, "target", result.Target);
        json.WriteBoolean("embeddedListener", result.EmbeddedListener);
        WriteText(json, "commandLine", result.CommandLine);

        // Options keep the caller's order: the CLI lists them in the order a reader expects.
        json.WriteStartObject("options");
        foreach (var (name, value) in result.Options)
            WriteText(json, SafeText.ForJson(name), value);
        json.WriteEndObject();

        WriteTimestamp(json, "startedAt", result.StartedAt);
        WriteTimestamp(json, "finishedAt", result.FinishedAt);
        WriteMilliseconds(json, "durationMs", (result.FinishedAt - result.StartedAt).TotalMilliseconds);

        json.WriteBoolean("interrupted", result.Interrupted);

        if (result.Load is { } load)
            LoadSummaryJson.Write(json, load);
        else
            WriteSummary(json, result);

        RulesJson.WriteSummary(json, result.Scenarios.SelectMany(scenario => scenario.Rules).ToList());

        json.WriteStartArray("scenarios");
        foreach (var scenario in result.Scenarios)
            WriteScenario(json, scenario);
        json.WriteEndArray();
    }

    private static void WriteSummary(Utf8JsonWriter json, RunResult result)
    {
        var deliveries = result.Scenarios.SelectMany(scenario => scenario.Deliveries).ToList();
        json.WriteStartObject("summary");
        json.WriteNumber("total", result.Scenarios.Count);
        json.WriteNumber("passed", result.Passed);
        json.WriteNumber("failed", result.Failed);
        json.WriteNumber("deliveries", deliveries.Count);
        json.WriteNumber("deliveriesFailed", deliveries.Count(delivery => !delivery.Passed));
        json.WriteEndObject();
    }

    private static void WriteScenario(Utf8JsonWriter json, ScenarioResult scenario)
    {
        json.WriteStartObject();
        WriteText(json, "provider", scenario.Provider);
        WriteText(json, "name", scenario.Name);
        WriteText(json, "description", scenario.Description);
        WriteText(json, "callId", scenario.CallId);
        WriteText(json, "customer", scenario.Customer);
        json.WriteNumber("seed", scenario.Seed);
        json.WriteBoolean("passed", scenario.Passed);
        WriteMilliseconds(json, "durationMs", scenario.DurationMs);
        json.WriteStartArray("deliveries");
        foreach (var delivery in scenario.Deliveries)
            WriteDelivery(json, delivery);
        json.WriteEndArray();
        json.WriteStartArray("skipped");
        foreach (var step in scenario.Skipped)
        {
            json.WriteStartObject();
            json.WriteNumber("index", step.Index);
            WriteText(json, "event", step.Event);
            WriteText(json, "reason", step.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        RulesJson.WriteRules(json, scenario.Rules);
        json.WriteEndObject();
    }

    internal static void WriteDelivery(Utf8JsonWriter json, DeliveryResult delivery)
    {
        json.WriteStartObject();
        json.WriteNumber("index", delivery.Index);
        WriteText(json, "event", delivery.Event);
        if (delivery.Probe is not null)
            WriteText(json, "probe", delivery.Probe);
        WriteTimestamp(json, "eventTime", delivery.EventTime);
        WriteTimestamp(json, "sentAt", delivery.Observation.SentAt);
        json.WriteBoolean("passed", delivery.Passed);
        WriteText(json, "expected", delivery.Expected);
        json.WriteStartArray("failures");
        foreach (var failure in delivery.Failures)
            json.WriteStringValue(SafeText.ForJson(failure));
        json.WriteEndArray();
        WriteRequest(json, delivery.Request);
        WriteResponse(json, delivery.Observation);
        WriteError(json, delivery.Observation);
        WriteEarlierAttempts(json, delivery.EarlierAttempts);
        json.WriteEndObject();
    }

    /// <summary>Only present when there were any (Twilio's first attempt before a Basic challenge), so other deliveries keep their shape.</summary>
    private static void WriteEarlierAttempts(Utf8JsonWriter json, IReadOnlyList<DeliveryAttempt> attempts)
    {
        if (attempts.Count == 0)
            return;
        json.WriteStartArray("earlierAttempts");
        foreach (var attempt in attempts)
        {
            json.WriteStartObject();
            WriteTimestamp(json, "sentAt", attempt.Observation.SentAt);
            WriteRequest(json, attempt.Request);
            WriteResponse(json, attempt.Observation);
            WriteError(json, attempt.Observation);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteRequest(Utf8JsonWriter json, RequestRecord request)
    {
        json.WriteStartObject("request");
        WriteText(json, "method", request.Method);
        WriteText(json, "url", request.Url);
        WriteHeaders(json, request.Headers);
        WriteText(json, "contentType", request.ContentType);
        WriteText(json, "body", request.Body);
        json.WriteEndObject();
    }

    private static void WriteResponse(Utf8JsonWriter json, Observation observation)
    {
        if (observation.Response is not { } response)
        {
            json.WriteNull("response");
            return;
        }

        json.WriteStartObject("response");
        json.WriteNumber("status", response.Status);
        WriteText(json, "reason", response.Reason);
        WriteHeaders(json, response.Headers);
        WriteText(json, "body", response.Body);
        json.WriteNumber("bodyBytes", response.BodyBytes);
        json.WriteBoolean("bodyTruncated", response.BodyTruncated);
        WriteMilliseconds(json, "headersMs", response.HeadersMs);
        WriteMilliseconds(json, "latencyMs", observation.LatencyMs);
        json.WriteEndObject();
    }

    private static void WriteError(Utf8JsonWriter json, Observation observation)
    {
        if (observation.Failure is not { } failure)
        {
            json.WriteNull("error");
            return;
        }

        json.WriteStartObject("error");
        WriteText(json, "kind", KindName(failure.Kind));
        WriteText(json, "message", failure.Message);
        WriteMilliseconds(json, "latencyMs", observation.LatencyMs);
        json.WriteEndObject();
    }

    private static void WriteHeaders(Utf8JsonWriter json, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        // An array of pairs, not an object: header names repeat and their order matters.
        json.WriteStartArray("headers");
        foreach (var (name, value) in headers)
        {
            json.WriteStartObject();
            WriteText(json, "name", name);
            WriteText(json, "value", value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>The stable camelCase name of a failure kind, e.g. <c>connectionRefused</c>.</summary>
    internal static string KindName(FailureKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    internal static void WriteText(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
            json.WriteNull(name);
        else
            json.WriteString(name, SafeText.ForJson(value));
    }

    internal static void WriteTimestamp(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } time)
            json.WriteString(name, ReportFormat.Timestamp(time));
        else
            json.WriteNull(name);
    }

    // JSON has no NaN or infinity; null is more honest than a made-up number.
    internal static void WriteMilliseconds(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
            json.WriteNumber(name, ReportFormat.Milliseconds(value));
        else
            json.WriteNull(name);
    }
}
