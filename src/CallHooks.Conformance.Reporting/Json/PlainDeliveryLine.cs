using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CallHooks.Conformance.Running.Load;

namespace CallHooks.Conformance.Reporting.Json;

/// <summary>
/// The delivery log's line for the usual delivery, written byte by byte: the same bytes as the general path through
/// <see cref="Utf8JsonWriter"/> (a test holds the two equal), without the writer's per-value state checks and
/// transcoding. A load run writes one line per delivery, and the general path was a fifth of the harness's own work.
/// It declines, writing nothing, whenever a text needs escaping or is not ASCII, or a latency needs the general number
/// formatter; the general path then writes that line.
/// </summary>
internal static class PlainDeliveryLine
{
    /// <summary>Room for everything but the texts: names, punctuation, two timestamps, numbers at their longest.</summary>
    private const int FixedBytes = 512;

    // The ASCII characters the log's encoder writes as they are, asked of the encoder itself so the two cannot drift apart.
    private static readonly SearchValues<char> Verbatim = SearchValues.Create(VerbatimCharacters(DeliveryLogWriter.Encoder));

    /// <returns>False when the line needs the general path; nothing was written then.</returns>
    public static bool TryWrite(
        IBufferWriter<byte> output,
        LoadDelivery delivery,
        JsonEncodedText provider,
        JsonEncodedText scenario,
        JsonEncodedText eventId
    )
    {
        var result = delivery.Delivery;
        var observation = result.Observation;
        var size = FixedBytes + provider.EncodedUtf8Bytes.Length + scenario.EncodedUtf8Bytes.Length + eventId.EncodedUtf8Bytes.Length;
        if (!IsVerbatim(delivery.CallId, ref size) || (delivery.Reason is { } reason && !IsVerbatim(reason, ref size)))
            return false;
        foreach (var failure in result.Failures)
        {
            if (!IsVerbatim(failure, ref size))
                return false;
        }

        var line = new Line(output.GetSpan(size));
        line.Raw("{\"call\":"u8);
        line.Number(delivery.CallIndex);
        line.Raw(",\"provider\":"u8);
        line.Quoted(provider);
        line.Raw(",\"scenario\":"u8);
        line.Quoted(scenario);
        line.Raw(",\"callId\":"u8);
        line.Quoted(delivery.CallId);
        line.Raw(",\"index\":"u8);
        line.Number(result.Index);
        line.Raw(",\"event\":"u8);
        line.Quoted(eventId);
        line.Raw(",\"eventTime\":"u8);
        line.Timestamp(result.EventTime);
        line.Raw(",\"sentAt\":"u8);
        line.Timestamp(observation.SentAt);
        line.Raw(result.Passed ? ",\"passed\":true,\"status\":"u8 : ",\"passed\":false,\"status\":"u8);
        if (observation.Response is { } response)
            line.Number(response.Status);
        else
            line.Raw("null"u8);
        line.Raw(",\"reason\":"u8);
        if (delivery.Reason is { } failed)
            line.Quoted(failed);
        else
            line.Raw("null"u8);
        line.Raw(",\"latencyMs\":"u8);
        var formatted = line.Milliseconds(delivery.SentMs);
        line.Raw(",\"queuedMs\":"u8);
        formatted &= line.Milliseconds(delivery.QueuedMs);
        line.Raw(",\"fromScheduledMs\":"u8);
        formatted &= line.Milliseconds(delivery.ScheduledMs);
        if (!formatted)
            return false;
        line.Raw(",\"failures\":["u8);
        for (var index = 0; index < result.Failures.Count; index++)
        {
            if (index > 0)
                line.Raw(","u8);
            line.Quoted(result.Failures[index]);
        }

        line.Raw("]}"u8);
        output.Advance(line.Written);
        return true;
    }

    private static bool IsVerbatim(string text, ref int size)
    {
        size += text.Length + 3;
        return !text.AsSpan().ContainsAnyExcept(Verbatim);
    }

    private static string VerbatimCharacters(JavaScriptEncoder encoder)
    {
        var verbatim = new StringBuilder();
        for (var c = (char)0x20; c < 0x7F; c++)
        {
            if (JsonEncodedText.Encode(c.ToString(), encoder).Value == c.ToString())
                verbatim.Append(c);
        }

        return verbatim.ToString();
    }

    /// <summary>A line being written into a span sized beforehand for all of it.</summary>
    private ref struct Line(Span<byte> destination)
    {
        private readonly Span<byte> destination = destination;

        public int Written { get; private set; }

        public void Raw(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(destination[Written..]);
            Written += bytes.Length;
        }

        public void Number(long value)
        {
            var formatted = value.TryFormat(
                destination[Written..],
                out var written,
                provider: System.Globalization.CultureInfo.InvariantCulture
            );
            System.Diagnostics.Debug.Assert(formatted, "the line's span is sized for every number at its longest");
            Written += written;
        }

        public void Quoted(JsonEncodedText text)
        {
            destination[Written++] = (byte)'"';
            Raw(text.EncodedUtf8Bytes);
            destination[Written++] = (byte)'"';
        }

        /// <summary>Text already known to be verbatim ASCII.</summary>
        public void Quoted(string text)
        {
            destination[Written++] = (byte)'"';
            Written += Encoding.ASCII.GetBytes(text, destination[Written..]);
            destination[Written++] = (byte)'"';
        }

        public void Timestamp(DateTimeOffset value)
        {
            Span<char> text = stackalloc char[ReportFormat.TimestampLength];
            ReportFormat.FormatTimestamp(value, text);
            destination[Written++] = (byte)'"';
            Written += Encoding.ASCII.GetBytes(text, destination[Written..]);
            destination[Written++] = (byte)'"';
        }

        /// <returns>False when the value needs the general formatter.</returns>
        public bool Milliseconds(double value)
        {
            if (!ReportFormat.TryFormatMilliseconds(value, destination[Written..], out var written))
                return false;
            Written += written;
            return true;
        }
    }
}
