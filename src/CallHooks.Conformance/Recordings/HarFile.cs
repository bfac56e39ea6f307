using System.Text;
using System.Text.Json;

namespace CallHooks.Conformance.Recordings;

/// <summary>
/// HAR 1.2 files, as browsers' developer tools, proxies (mitmproxy, Charles, Fiddler) and tunnels export them: each of
/// <c>log.entries</c> is one exchange.
/// </summary>
internal static class HarFile
{
    public const string Format = "har";

    public static bool Is(JsonElement root) =>
        JsonFields.Has(root, "log")
        && root.GetProperty("log") is { ValueKind: JsonValueKind.Object } log
        && JsonFields.Has(log, "entries")
        && log.GetProperty("entries").ValueKind == JsonValueKind.Array;

    public static IReadOnlyList<RecordedExchange> Read(JsonElement root, JsonFields fields)
    {
        var log = fields.Object(root, "", "log");
        return [.. fields.OptionalArray(log, "/log", "entries").Select((entry, index) => Entry(entry.Value, entry.Pointer, index, fields))];
    }

    private static RecordedExchange Entry(JsonElement entry, string pointer, int index, JsonFields fields)
    {
        var request = fields.Object(entry, pointer, "request");
        var requestPointer = JsonFields.Child(pointer, "request");
        var url = fields.String(request, requestPointer, "url");
        var time = fields.OptionalNumber(entry, pointer, "time");
        var response = Response(entry, pointer, fields);
        return new RecordedExchange
        {
            Origin = $"{fields.Path} entry {index + 1}",
            At = fields.Time(
                fields.String(entry, pointer, "startedDateTime"),
                JsonFields.Child(pointer, "startedDateTime"),
                "startedDateTime"
            ),
            Method = fields.String(request, requestPointer, "method"),
            Target = RequestTarget.FromUrl(url)
                ?? throw fields.Fail(JsonFields.Child(requestPointer, "url"), $"\"url\" must be an http(s) URL, not \"{url}\""),
            Headers = Headers(request, requestPointer, fields),
            Body = Body(request, requestPointer, fields),
            Response = response,
            Error = response is null ? "no response recorded" : null,
            // HAR writes -1 for a time it did not measure.
            DurationMs = time >= 0 ? time : null,
        };
    }

    /// <summary>
    /// Request headers in the order the file lists them, without HTTP/2's pseudo-headers (<c>:authority</c>,
    /// <c>:path</c>): they are the request line, not headers, and an HTTP/1.1 replay cannot send them.
    /// </summary>
    private static List<RecordedHeader> Headers(JsonElement message, string pointer, JsonFields fields) =>
        [
            .. fields
                .OptionalArray(message, pointer, "headers")
                .Select(header => new RecordedHeader(
                    fields.String(header.Value, header.Pointer, "name"),
                    fields.String(header.Value, header.Pointer, "value")
                ))
                .Where(header => !header.Name.StartsWith(':')),
        ];

    private static byte[] Body(JsonElement request, string pointer, JsonFields fields)
    {
        if (fields.OptionalObject(request, pointer, "postData") is not { } postData)
            return [];
        var at = JsonFields.Child(pointer, "postData");
        if (fields.OptionalString(postData, at, "text") is { } text)
            return Decode(text, postData, at, fields);
        // Some exporters give a form's fields but not its text: the form body is rebuilt from them.
        var form = fields
            .OptionalArray(postData, at, "params")
            .Select(field =>
                Uri.EscapeDataString(fields.String(field.Value, field.Pointer, "name"))
                + "="
                + Uri.EscapeDataString(fields.OptionalString(field.Value, field.Pointer, "value") ?? "")
            );
        return Encoding.UTF8.GetBytes(string.Join('&', form));
    }

    private static RecordedResponse? Response(JsonElement entry, string pointer, JsonFields fields)
    {
        if (fields.OptionalObject(entry, pointer, "response") is not { } response)
            return null;
        var at = JsonFields.Child(pointer, "response");
        // Browsers record a request that got no answer (refused, aborted) with status 0.
        if (fields.OptionalInt(response, at, "status") is not (> 0 and var status))
            return null;
        var body = "";
        if (fields.OptionalObject(response, at, "content") is { } content)
        {
            var contentPointer = JsonFields.Child(at, "content");
            if (fields.OptionalString(content, contentPointer, "text") is { } text)
                body = Encoding.UTF8.GetString(Decode(text, content, contentPointer, fields));
        }

        return new RecordedResponse(status, Headers(response, at, fields), body);
    }

    /// <summary>The bytes of a <c>text</c> field, which is base64 when its sibling <c>encoding</c> says so.</summary>
    private static byte[] Decode(string text, JsonElement parent, string pointer, JsonFields fields) =>
        fields.OptionalString(parent, pointer, "encoding") switch
        {
            null => Encoding.UTF8.GetBytes(text),
            "base64" => fields.Base64(text, JsonFields.Child(pointer, "text"), "text"),
            var other => throw fields.Fail(
                JsonFields.Child(pointer, "encoding"),
                $"\"encoding\" \"{other}\" is not one HAR uses; only \"base64\" is read"
            ),
        };
}
