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
public sealed class DeliveryLogWriter : ILoadSink, IDisposable
{
    public const string FileName = "deliveries.ndjson";

    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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

    public void OnCall(long callIndex, ScenarioResult call)
    {
    }

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

    private void WriteLine(LoadDelivery delivery)
    {
        var result = delivery.Delivery;
        var observation = result.Observation;
        json.Reset(pending);
        json.WriteStartObject();
        json.WriteNumber("call", delivery.CallIndex);
        JsonFields.Text(json, "provider", delivery.Provider);
        JsonFields.Text(json, "scenario", delivery.Scenario);
        JsonFields.Text(json, "callId", delivery.CallId);
        json.WriteNumber("index", result.Index);
        JsonFields.Text(json, "event", result.Event);
        JsonFields.Timestamp(json, "eventTime", result.EventTime);
        JsonFields.Timestamp(json, "sentAt", observation.SentAt);
        json.WriteBoolean("passed", result.Passed);
        if (observation.Response is { } response)
            json.WriteNumber("status", response.Status);
        else
            json.WriteNull("status");
        JsonFields.Text(json, "reason", delivery.Reason);
        JsonFields.Milliseconds(json, "latencyMs", delivery.SentMs);
        JsonFields.Milliseconds(json, "queuedMs", delivery.QueuedMs);
        JsonFields.Milliseconds(json, "fromScheduledMs", delivery.ScheduledMs);
        json.WriteStartArray("failures");
        foreach (var failure in result.Failures)
            json.WriteStringValue(Text.SafeText.ForJson(failure));
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        pending.Write("\n"u8);
        if (pending.WrittenCount >= FlushBytes)
        {
            stream.Write(pending.WrittenSpan);
            pending.ResetWrittenCount();
        }
    }
}
