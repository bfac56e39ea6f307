using System.Text;
using System.Text.Json;
using CallHooks.Conformance.Input;
using CallHooks.Conformance.Scenarios.Schema;

namespace CallHooks.Conformance.Recordings;

/// <summary>
/// The file <c>callhooks record</c> writes (<c>recording.json</c>): what it forwarded, what was masked, and every
/// exchange with its timing. Bodies are text when they are UTF-8 and <c>bodyBase64</c> otherwise, so bytes survive.
/// </summary>
internal static class CallhooksRecording
{
    public const string Format = "callhooks-recording";

    /// <summary>True when <paramref name="root"/> is a callhooks recording.</summary>
    public static bool Is(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("format", out var format)
        && format.ValueKind == JsonValueKind.String
        && format.GetString() == Format;

    public static void Write(Stream stream, string forwardTo, IReadOnlyList<string> masked, IReadOnlyList<RecordedExchange> exchanges)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteNumber("version", 1);
        json.WriteString("forwardTo", forwardTo);
        json.WriteString(
            "headerOrder",
            "headers as the recording server (Kestrel) reported them: names in its casing, known headers first; the order on the wire is not kept"
        );
        json.WriteStartArray("masked");
        foreach (var item in masked)
            json.WriteStringValue(item);
        json.WriteEndArray();
        json.WriteStartArray("exchanges");
        foreach (var exchange in exchanges)
            WriteExchange(json, exchange);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteExchange(Utf8JsonWriter json, RecordedExchange exchange)
    {
        json.WriteStartObject();
        json.WriteString("at", exchange.At);
        json.WriteStartObject("request");
        json.WriteString("method", exchange.Method);
        json.WriteString("target", exchange.Target);
        WriteHeaders(json, exchange.Headers);
        WriteBody(json, exchange.Body);
        json.WriteEndObject();
        if (exchange.Response is { } response)
        {
            json.WriteStartObject("response");
            json.WriteNumber("status", response.Status);
            WriteHeaders(json, response.Headers);
            json.WriteString("body", response.Body);
            json.WriteEndObject();
        }

        if (exchange.Error is not null)
            json.WriteString("error", exchange.Error);
        if (exchange.DurationMs is { } duration)
            json.WriteNumber("durationMs", Math.Round(duration, 3));
        json.WriteEndObject();
    }

    private static void WriteHeaders(Utf8JsonWriter json, IReadOnlyList<RecordedHeader> headers)
    {
        json.WriteStartArray("headers");
        foreach (var header in headers)
        {
            json.WriteStartObject();
            json.WriteString("name", header.Name);
            json.WriteString("value", header.Value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteBody(Utf8JsonWriter json, byte[] body)
    {
        if (body.Length == 0)
            return;
        try
        {
            json.WriteString("body", new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body));
        }
        catch (DecoderFallbackException)
        {
            json.WriteBase64String("bodyBase64", body);
        }
    }

    /// <summary>Reads every exchange of a recording; a missing or mistyped field is reported with its position.</summary>
    public static IReadOnlyList<RecordedExchange> Read(string path, JsonElement root, JsonPositionMap positions)
    {
        var reader = new Reader(path, positions);
        var exchanges = reader.Array(root, "", "exchanges");
        return [.. exchanges.Select((exchange, index) => reader.Exchange(exchange.Value, exchange.Pointer, index))];
    }

    /// <summary>Reads fields of a JSON document and fails at the first problem, naming where it is.</summary>
    private sealed class Reader(string path, JsonPositionMap positions)
    {
        public RecordedExchange Exchange(JsonElement exchange, string pointer, int index)
        {
            var request = Object(exchange, pointer, "request");
            var at = String(exchange, pointer, "at");
            if (!DateTimeOffset.TryParse(at, System.Globalization.CultureInfo.InvariantCulture, out var when))
                throw Fail($"{pointer}/at", $"\"at\" must be an ISO 8601 time, not \"{at}\"");
            RecordedResponse? response = null;
            if (exchange.TryGetProperty("response", out var answered))
            {
                var status =
                    answered.TryGetProperty("status", out var code)
                    && code.ValueKind == JsonValueKind.Number
                    && code.TryGetInt32(out var number)
                        ? number
                        : throw Fail($"{pointer}/response", "the response needs a whole-number \"status\"");
                response = new RecordedResponse(status, Headers(answered, $"{pointer}/response"), OptionalString(answered, "body") ?? "");
            }

            return new RecordedExchange
            {
                Origin = $"{path} exchange {index + 1}",
                At = when,
                Method = String(request.Value, request.Pointer, "method"),
                Target = String(request.Value, request.Pointer, "target"),
                Headers = Headers(request.Value, request.Pointer),
                Body = Body(request.Value, request.Pointer),
                Response = response,
                Error = OptionalString(exchange, "error"),
                DurationMs =
                    exchange.TryGetProperty("durationMs", out var duration) && duration.ValueKind == JsonValueKind.Number
                        ? duration.GetDouble()
                        : null,
            };
        }

        public IEnumerable<(JsonElement Value, string Pointer)> Array(JsonElement parent, string pointer, string name)
        {
            if (!parent.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
                throw Fail(pointer, $"\"{name}\" must be an array");
            return array.EnumerateArray().Select((item, index) => (item, $"{pointer}/{name}/{index}")).ToList();
        }

        private (JsonElement Value, string Pointer) Object(JsonElement parent, string pointer, string name) =>
            parent.ValueKind == JsonValueKind.Object
            && parent.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.Object
                ? (value, $"{pointer}/{name}")
                : throw Fail(pointer, $"\"{name}\" must be an object");

        private string String(JsonElement parent, string pointer, string name) =>
            parent.ValueKind == JsonValueKind.Object
            && parent.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : throw Fail(pointer, $"\"{name}\" must be a string");

        private static string? OptionalString(JsonElement parent, string name) =>
            parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private List<RecordedHeader> Headers(JsonElement parent, string pointer) =>
            parent.TryGetProperty("headers", out _)
                ?
                [
                    .. Array(parent, pointer, "headers")
                        .Select(header => new RecordedHeader(
                            String(header.Value, header.Pointer, "name"),
                            String(header.Value, header.Pointer, "value")
                        )),
                ]
                : [];

        private byte[] Body(JsonElement request, string pointer)
        {
            if (request.TryGetProperty("bodyBase64", out var encoded))
                return encoded.ValueKind == JsonValueKind.String && encoded.TryGetBytesFromBase64(out var bytes)
                    ? bytes
                    : throw Fail($"{pointer}/bodyBase64", "\"bodyBase64\" must be base64");
            return OptionalString(request, "body") is { } text ? Encoding.UTF8.GetBytes(text) : [];
        }

        private RecordingFormatException Fail(string pointer, string message)
        {
            var (line, column) = positions.Locate(pointer);
            return new RecordingFormatException(new LocatedError(path, line, column, message + CheckedJson.At(pointer)));
        }
    }
}
