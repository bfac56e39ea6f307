using System.Text.Json;
using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Reporting.Text;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Reporting.Json;

/// <summary>
/// Writes results.json. Its shape is a documented interface for other tools: property names and order are fixed
/// here by hand rather than derived from the result types, so a refactor of the model cannot silently change it.
/// </summary>
internal static class ResultsJsonWriter
{
    // Relaxed escaping keeps "+919876543210" greppable in results.json; the HTML report embeds data with its own escaping.
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

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
        // results.json states its format (what callhooks compare checks before it trusts the shape); the page's data has its own.
        ResultFields.Run(json, result, Comparison.ResultsFile.Format);

        json.WriteBoolean("interrupted", result.Interrupted);
        ResultFields.Checked(json, result.Checked);

        if (result.Load is { } load)
            LoadSummaryJson.Write(json, load);
        else
            ResultFields.Summary(json, result);

        RulesJson.WriteSummary(json, result.Scenarios.SelectMany(scenario => scenario.Rules).ToList());
        WebhooksJson.Write(json, Model.WebhookSummary.Of(result));
        ConfigurationsJson.Write(json, result);
        ComparisonJson.Write(json, result.Comparison);

        json.WriteStartArray("scenarios");
        foreach (var scenario in result.Scenarios)
            WriteScenario(json, scenario, result.Known);
        json.WriteEndArray();
    }

    private static void WriteScenario(Utf8JsonWriter json, ScenarioResult scenario, IReadOnlyDictionary<string, string> known)
    {
        json.WriteStartObject();
        ResultFields.Scenario(json, scenario);
        if (Comparison.KnownVerdict.Reason(scenario, known) is { } reason)
            JsonFields.Text(json, "known", reason);
        json.WriteStartArray("deliveries");
        foreach (var delivery in scenario.Deliveries)
            WriteDelivery(json, delivery);
        json.WriteEndArray();
        json.WriteStartArray("skipped");
        foreach (var step in scenario.Skipped)
        {
            json.WriteStartObject();
            json.WriteNumber("index", step.Index);
            JsonFields.Text(json, "event", step.Event);
            if (step.Webhook is not null)
                JsonFields.Text(json, "webhook", step.Webhook);
            JsonFields.Text(json, "reason", step.Reason);
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
        JsonFields.Text(json, "event", delivery.Event);
        if (delivery.Webhook is not null)
            JsonFields.Text(json, "webhook", delivery.Webhook);
        if (delivery.Probe is not null)
            JsonFields.Text(json, "probe", delivery.Probe);
        JsonFields.Timestamp(json, "eventTime", delivery.EventTime);
        JsonFields.Timestamp(json, "sentAt", delivery.Observation.SentAt);
        json.WriteBoolean("passed", delivery.Passed);
        JsonFields.Text(json, "expected", delivery.Expected);
        json.WriteStartArray("failures");
        foreach (var failure in delivery.Failures)
            json.WriteStringValue(SafeText.ForJson(failure));
        json.WriteEndArray();
        WriteRequest(json, delivery.Request);
        WriteResponse(json, delivery.Observation);
        WriteError(json, delivery.Observation);
        WriteEarlierAttempts(json, delivery.EarlierAttempts);
        if (delivery.QueuedBehind is { } queued)
            JsonFields.Text(json, "queuedBehind", queued);
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
            JsonFields.Timestamp(json, "sentAt", attempt.Observation.SentAt);
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
        JsonFields.Text(json, "method", request.Method);
        JsonFields.Text(json, "url", request.Url);
        WriteHeaders(json, request.Headers);
        JsonFields.Text(json, "contentType", request.ContentType);
        JsonFields.Text(json, "body", request.Body);
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
        JsonFields.Text(json, "reason", response.Reason);
        WriteHeaders(json, response.Headers);
        JsonFields.Text(json, "body", response.Body);
        json.WriteNumber("bodyBytes", response.BodyBytes);
        json.WriteBoolean("bodyTruncated", response.BodyTruncated);
        JsonFields.Milliseconds(json, "headersMs", response.HeadersMs);
        JsonFields.Milliseconds(json, "latencyMs", observation.LatencyMs);
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
        JsonFields.Text(json, "kind", KindName(failure.Kind));
        JsonFields.Text(json, "message", failure.Message);
        JsonFields.Milliseconds(json, "latencyMs", observation.LatencyMs);
        if (observation.Late is { } late)
        {
            // What came after the budget, while callhooks kept reading (--late-window); the delivery failed regardless.
            json.WriteStartObject("late");
            JsonFields.Text(json, "status", late.StatusLine);
            JsonFields.Milliseconds(json, "afterMs", late.AfterMs);
            json.WriteBoolean("complete", late.Complete);
            JsonFields.Text(json, "ending", late.Ending);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteHeaders(Utf8JsonWriter json, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        // An array of pairs, not an object: header names repeat and their order matters.
        json.WriteStartArray("headers");
        foreach (var (name, value) in headers)
        {
            json.WriteStartObject();
            JsonFields.Text(json, "name", name);
            JsonFields.Text(json, "value", value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>The stable camelCase name of a failure kind, e.g. <c>connectionRefused</c>.</summary>
    internal static string KindName(FailureKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
}
