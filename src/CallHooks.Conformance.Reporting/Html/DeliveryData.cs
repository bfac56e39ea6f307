using System.Text.Json;
using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Reporting.Json;
using CallHooks.Conformance.Reporting.Model;
using CallHooks.Conformance.Reporting.Text;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Reporting.Html;

/// <summary>
/// A call and its deliveries in the page's data. Every delivery has its summary (event, time, latency,
/// outcome, verdict); the request and response ride along only where <see cref="DetailBudget"/> keeps them.
/// </summary>
internal static class DeliveryData
{
    /// <summary>Characters of a response body shown in the page; results.json keeps up to the dispatcher's 64 KiB.</summary>
    public const int ResponseBodyLimit = 16 * 1024;

    /// <summary>Request bodies are the harness's own and small; the bound only guards against a pathological template.</summary>
    public const int RequestBodyLimit = 64 * 1024;

    public static void WriteScenario(Utf8JsonWriter json, ScenarioResult scenario, DetailBudget budget)
    {
        json.WriteStartObject();
        ResultFields.Scenario(json, scenario);
        json.WriteStartArray("deliveries");
        foreach (var delivery in scenario.Deliveries)
            WriteDelivery(json, delivery, budget.Keep(delivery));
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteDelivery(Utf8JsonWriter json, DeliveryResult delivery, bool detailed)
    {
        var observation = delivery.Observation;
        json.WriteStartObject();
        json.WriteNumber("index", delivery.Index);
        JsonFields.Text(json, "event", delivery.Event);
        JsonFields.Text(json, "webhook", delivery.Webhook);
        JsonFields.Timestamp(json, "sentAt", observation.SentAt);
        JsonFields.Milliseconds(json, "latencyMs", observation.LatencyMs);
        if (observation.Response is { } response)
            json.WriteNumber("status", response.Status);
        else
            json.WriteNull("status");
        JsonFields.Text(json, "outcome", Outcome(observation));
        json.WriteBoolean("passed", delivery.Passed);
        JsonFields.Text(json, "queuedBehind", delivery.QueuedBehind);
        if (detailed)
            WriteDetail(json, delivery);
        else
            json.WriteNull("detail");
        json.WriteEndObject();
    }

    private static void WriteDetail(Utf8JsonWriter json, DeliveryResult delivery)
    {
        json.WriteStartObject("detail");
        JsonFields.Timestamp(json, "eventTime", delivery.EventTime);
        JsonFields.Text(json, "expected", delivery.Expected);
        json.WriteStartArray("failures");
        foreach (var sentence in delivery.Failures)
            json.WriteStringValue(SafeText.ForJson(sentence));
        json.WriteEndArray();

        var request = delivery.Request;
        json.WriteStartObject("request");
        JsonFields.Text(json, "method", request.Method);
        JsonFields.Text(json, "url", request.Url);
        Headers(json, request.Headers);
        JsonFields.Text(json, "contentType", request.ContentType);
        JsonFields.Text(json, "body", Cut(request.Body, RequestBodyLimit));
        json.WriteBoolean("bodyCut", request.Body.Length > RequestBodyLimit);
        json.WriteEndObject();

        if (delivery.Observation.Response is { } response)
        {
            json.WriteStartObject("response");
            json.WriteNumber("status", response.Status);
            JsonFields.Text(json, "reason", response.Reason);
            Headers(json, response.Headers);
            JsonFields.Text(json, "body", Cut(response.Body, ResponseBodyLimit));
            json.WriteNumber("bodyBytes", response.BodyBytes);
            // Cut here or already by the dispatcher: either way the reader sees only the start.
            json.WriteBoolean("bodyCut", response.BodyTruncated || response.Body.Length > ResponseBodyLimit);
            JsonFields.Milliseconds(json, "headersMs", response.HeadersMs);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("response");
        }

        if (delivery.Observation.Failure is { } failure)
        {
            json.WriteStartObject("error");
            JsonFields.Text(json, "kind", ResultsJsonWriter.KindName(failure.Kind));
            JsonFields.Text(json, "message", failure.Message);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("error");
        }

        json.WriteEndObject();
    }

    /// <summary>What came back in a few words: <c>500 Internal Server Error</c>, <c>timeout</c>, <c>connection refused</c>.</summary>
    internal static string Outcome(Observation observation) =>
        observation.Response is { } response ? $"{response.Status} {response.Reason}".TrimEnd()
        : observation.Failure is { } failure ? DeliveryText.KindWords(failure.Kind)
        : "no response";

    /// <summary>The first <paramref name="limit"/> characters, never splitting a surrogate pair.</summary>
    internal static string Cut(string text, int limit)
    {
        if (text.Length <= limit)
            return text;
        var end = char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
        return text[..end];
    }

    private static void Headers(Utf8JsonWriter json, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        json.WriteStartArray("headers");
        foreach (var (name, value) in headers)
        {
            json.WriteStartArray();
            json.WriteStringValue(SafeText.ForJson(name));
            json.WriteStringValue(SafeText.ForJson(value));
            json.WriteEndArray();
        }

        json.WriteEndArray();
    }
}
