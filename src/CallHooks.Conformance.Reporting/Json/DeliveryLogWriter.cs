using System.Buffers;
using System.Text.Json;
using CallHooks.Conformance.Reporting.Text;
using CallHooks.Conformance.Results;
using CallHooks.Conformance.Running.Load;

namespace CallHooks.Conformance.Reporting.Json;

/// <summary>
/// Streams every delivery of a load run to an NDJSON file (one JSON object per line) the moment it completes, so a
/// run of any size keeps nothing but the summary in memory. A line carries the call, the event, the verdict and
/// both latencies; request and response bodies are kept only for the calls results.json keeps in full. Writing
/// fails quietly after the first I/O error (the run goes on), and <see cref="Error"/> says what happened.
/// </summary>
internal sealed class DeliveryLogWriter : ILoadSink, IDisposable
{
    public const string FileName = "deliveries.ndjson";

    /// <summary>How the log escapes text: only what JSON requires, so phone numbers and URLs stay readable.</summary>
    internal static readonly System.Text.Encodings.Web.JavaScriptEncoder Encoder = System
        .Text
        .Encodings
        .Web
        .JavaScriptEncoder
        .UnsafeRelaxedJsonEscaping;

    private static readonly JsonWriterOptions Options = new() { Encoder = Encoder };

    /// <summary>Lines collect in memory up to this size, then go to the file in one write.</summary>
    private const int FlushBytes = 256 * 1024;

    private readonly Lock gate = new();
    private readonly FileStream stream;
    private readonly ArrayBufferWriter<byte> pending = new(FlushBytes + 4096);
    private readonly Utf8JsonWriter json;

    public DeliveryLogWriter(string path)
    {
        stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);
        json = new Utf8JsonWriter(pending, Options);
        Path = path;
    }

    public string Path { get; }

    /// <summary>Whether usual lines take the byte-by-byte path (<see cref="PlainDeliveryLine"/>); tests turn it off to compare.</summary>
    internal bool PlainLines { get; init; } = true;

    /// <summary>The first write error, or null when every line was written.</summary>
    public string? Error { get; private set; }

    public void OnDelivery(LoadDelivery delivery)
    {
        lock (gate)
        {
            if (Error is not null)
                return;
            try
            {
                WriteLine(delivery);
            }
            catch (IOException exception)
            {
                Error = exception.Message;
            }
        }
    }

    public void OnCall(long callIndex, ScenarioResult call) { }

    public void Dispose()
    {
        lock (gate)
        {
            try
            {
                json.Dispose();
                if (Error is null)
                    stream.Write(pending.WrittenSpan);
                stream.Dispose();
            }
            catch (IOException exception)
            {
                Error ??= exception.Message;
            }
        }
    }

    // Property names encoded once: every delivery writes all of them.
    private static readonly JsonEncodedText CallName = JsonEncodedText.Encode("call");
    private static readonly JsonEncodedText ProviderName = JsonEncodedText.Encode("provider");
    private static readonly JsonEncodedText ScenarioName = JsonEncodedText.Encode("scenario");
    private static readonly JsonEncodedText CallIdName = JsonEncodedText.Encode("callId");
    private static readonly JsonEncodedText IndexName = JsonEncodedText.Encode("index");
    private static readonly JsonEncodedText EventName = JsonEncodedText.Encode("event");
    private static readonly JsonEncodedText EventTimeName = JsonEncodedText.Encode("eventTime");
    private static readonly JsonEncodedText SentAtName = JsonEncodedText.Encode("sentAt");
    private static readonly JsonEncodedText PassedName = JsonEncodedText.Encode("passed");
    private static readonly JsonEncodedText StatusName = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText ReasonName = JsonEncodedText.Encode("reason");
    private static readonly JsonEncodedText LatencyName = JsonEncodedText.Encode("latencyMs");
    private static readonly JsonEncodedText QueuedName = JsonEncodedText.Encode("queuedMs");
    private static readonly JsonEncodedText FromScheduledName = JsonEncodedText.Encode("fromScheduledMs");
    private static readonly JsonEncodedText FailuresName = JsonEncodedText.Encode("failures");

    // Provider, scenario and event names: a handful of strings, each the same instance in every delivery of its kind
    // (they come from the scenario files), so each is made safe and escaped once. Keyed by reference: the lookup costs
    // no hashing of the text, and a string that merely looks the same is only encoded again.
    private const int RepeatedLimit = 4096;
    private readonly Dictionary<string, JsonEncodedText> repeated = new(ReferenceEqualityComparer.Instance);

    private JsonEncodedText Repeated(string text)
    {
        if (!repeated.TryGetValue(text, out var encoded))
        {
            encoded = JsonEncodedText.Encode(Text.SafeText.ForJson(text), Options.Encoder);
            if (repeated.Count < RepeatedLimit)
                repeated[text] = encoded;
        }

        return encoded;
    }

    private void WriteLine(LoadDelivery delivery)
    {
        var provider = Repeated(delivery.Provider);
        var scenario = Repeated(delivery.Scenario);
        var eventId = Repeated(delivery.Delivery.Event);
        if (!PlainLines || !PlainDeliveryLine.TryWrite(pending, delivery, provider, scenario, eventId))
            WriteWithJsonWriter(delivery, provider, scenario, eventId);
        pending.Write("\n"u8);
        if (pending.WrittenCount >= FlushBytes)
        {
            stream.Write(pending.WrittenSpan);
            pending.ResetWrittenCount();
        }
    }

    /// <summary>The general path: any text, any number, escaped and formatted by the JSON writer.</summary>
    private void WriteWithJsonWriter(LoadDelivery delivery, JsonEncodedText provider, JsonEncodedText scenario, JsonEncodedText eventId)
    {
        var result = delivery.Delivery;
        var observation = result.Observation;
        json.Reset(pending);
        json.WriteStartObject();
        json.WriteNumber(CallName, delivery.CallIndex);
        json.WriteString(ProviderName, provider);
        json.WriteString(ScenarioName, scenario);
        JsonFields.Text(json, CallIdName, delivery.CallId);
        json.WriteNumber(IndexName, result.Index);
        json.WriteString(EventName, eventId);
        JsonFields.Timestamp(json, EventTimeName, result.EventTime);
        JsonFields.Timestamp(json, SentAtName, observation.SentAt);
        json.WriteBoolean(PassedName, result.Passed);
        if (observation.Response is { } response)
            json.WriteNumber(StatusName, response.Status);
        else
            json.WriteNull(StatusName);
        JsonFields.Text(json, ReasonName, delivery.Reason);
        JsonFields.Milliseconds(json, LatencyName, delivery.SentMs);
        JsonFields.Milliseconds(json, QueuedName, delivery.QueuedMs);
        JsonFields.Milliseconds(json, FromScheduledName, delivery.ScheduledMs);
        json.WriteStartArray(FailuresName);
        foreach (var failure in result.Failures)
            json.WriteStringValue(Text.SafeText.ForJson(failure));
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
    }
}
