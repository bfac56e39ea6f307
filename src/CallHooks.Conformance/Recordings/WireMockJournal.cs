using System.Text;
using System.Text.Json;

namespace CallHooks.Conformance.Recordings;

/// <summary>
/// The request journal of a WireMock server that stood in for the listener, as <c>GET /__admin/requests</c> returns it:
/// WireMock (Java) wraps its serve events in <c>{"requests": [...]}</c> with camelCase fields, WireMock.Net answers an
/// array of log entries with PascalCase fields. Both list the newest request first.
/// </summary>
internal static class WireMockJournal
{
    public const string Format = "wiremock-journal";

    /// <summary>
    /// True for Java's <c>{"requests": [...]}</c>, and for WireMock.Net's array of log entries. A WireMock.Net mapping
    /// also has <c>Guid</c>, <c>Request</c> and <c>Response</c>; only a log entry's request has a <c>DateTime</c>.
    /// </summary>
    public static bool Is(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
            ? JsonFields.Has(root, "requests") && root.GetProperty("requests").ValueKind == JsonValueKind.Array
            : root.ValueKind == JsonValueKind.Array
                && root.GetArrayLength() > 0
                && root[0] is var first
                && JsonFields.Has(first, "Request")
                && (JsonFields.Has(first, "Response") || JsonFields.Has(first, "Guid"))
                && first.GetProperty("Request") is var request
                && JsonFields.Has(request, "DateTime");

    /// <summary>Every request, oldest first (ties keep the journal's order).</summary>
    public static IReadOnlyList<RecordedExchange> Read(JsonElement root, JsonFields fields)
    {
        var entries = root.ValueKind == JsonValueKind.Array ? JsonFields.Elements(root, "") : fields.OptionalArray(root, "", "requests");
        return [.. entries.Select((entry, index) => Entry(entry.Value, entry.Pointer, index, fields)).OrderBy(exchange => exchange.At)];
    }

    private static RecordedExchange Entry(JsonElement entry, string pointer, int index, JsonFields fields)
    {
        if (entry.ValueKind != JsonValueKind.Object)
            throw fields.Fail(pointer, "a journal entry must be an object");
        var origin = $"{fields.Path} journal entry {index + 1}";
        return JsonFields.Has(entry, "Request") ? NetEntry(entry, pointer, origin, fields) : JavaEntry(entry, pointer, origin, fields);
    }

    private static RecordedExchange JavaEntry(JsonElement entry, string pointer, string origin, JsonFields fields)
    {
        var request = fields.Object(entry, pointer, "request");
        var at = JsonFields.Child(pointer, "request");
        // "response" is what was sent; older versions log only the "responseDefinition" it was built from.
        var response =
            fields.OptionalObject(entry, pointer, "response") is { } sent
                ? JavaResponse(sent, JsonFields.Child(pointer, "response"), fields)
            : fields.OptionalObject(entry, pointer, "responseDefinition") is { } definition
                ? JavaResponse(definition, JsonFields.Child(pointer, "responseDefinition"), fields)
            : null;
        var timing = fields.OptionalObject(entry, pointer, "timing");
        return new RecordedExchange
        {
            Origin = origin,
            At = JavaTime(request, at, fields),
            Method = fields.String(request, at, "method"),
            Target = Target(request, at, fields, "url", "absoluteUrl"),
            Headers = fields.HeaderObject(request, at, "headers"),
            Body = RequestBody(request, at, fields, "bodyAsBase64", "body"),
            Response = response,
            Error = response is null ? "no response recorded" : null,
            DurationMs = timing is { } measured ? fields.OptionalNumber(measured, JsonFields.Child(pointer, "timing"), "totalTime") : null,
        };
    }

    private static DateTimeOffset JavaTime(JsonElement request, string pointer, JsonFields fields)
    {
        if (fields.OptionalNumber(request, pointer, "loggedDate") is { } epochMs)
            return DateTimeOffset.UnixEpoch.AddMilliseconds(epochMs);
        if (fields.OptionalString(request, pointer, "loggedDateString") is { } text)
            return fields.Time(text, JsonFields.Child(pointer, "loggedDateString"), "loggedDateString");
        throw fields.Fail(pointer, "the request needs \"loggedDate\" (epoch milliseconds) or \"loggedDateString\"");
    }

    /// <summary>What WireMock (Java) sent, or a mapping's response definition (the same fields).</summary>
    public static RecordedResponse JavaResponse(JsonElement response, string pointer, JsonFields fields) =>
        new(
            // WireMock (Java) leaves out a 200 status from a response definition.
            fields.OptionalStatus(response, pointer, "status") ?? 200,
            fields.HeaderObject(response, pointer, "headers"),
            ResponseBody(response, pointer, fields, "bodyAsBase64", "base64Body", "body", "jsonBody")
        );

    private static RecordedExchange NetEntry(JsonElement entry, string pointer, string origin, JsonFields fields)
    {
        var request = fields.Object(entry, pointer, "Request");
        var at = JsonFields.Child(pointer, "Request");
        var response = fields.OptionalObject(entry, pointer, "Response") is { } sent
            ? NetResponse(sent, JsonFields.Child(pointer, "Response"), fields)
            : null;
        return new RecordedExchange
        {
            Origin = origin,
            At = fields.Time(fields.String(request, at, "DateTime"), JsonFields.Child(at, "DateTime"), "DateTime"),
            Method = fields.String(request, at, "Method"),
            Target = Target(request, at, fields, "Url", "AbsoluteUrl"),
            Headers = fields.HeaderObject(request, at, "Headers"),
            Body = RequestBody(request, at, fields, "BodyAsBytes", "Body", "BodyAsJson"),
            Response = response,
            Error = response is null ? "no response recorded" : null,
        };
    }

    /// <summary>What WireMock.Net sent, or a WireMock.Net mapping's response (the same fields).</summary>
    public static RecordedResponse NetResponse(JsonElement response, string pointer, JsonFields fields) =>
        new(
            fields.OptionalStatus(response, pointer, "StatusCode") ?? 200,
            fields.HeaderObject(response, pointer, "Headers"),
            ResponseBody(response, pointer, fields, "BodyAsBytes", null, "Body", "BodyAsJson")
        );

    /// <summary>The path and query from the first of <paramref name="names"/> present (a path, or an absolute URL).</summary>
    private static string Target(JsonElement request, string pointer, JsonFields fields, params string[] names)
    {
        foreach (var name in names)
            if (fields.OptionalString(request, pointer, name) is { } url)
                return RequestTarget.FromUrl(url)
                    ?? throw fields.Fail(JsonFields.Child(pointer, name), $"\"{name}\" must be a path or an http(s) URL, not \"{url}\"");
        throw fields.Fail(pointer, $"the request needs \"{names[0]}\"");
    }

    /// <summary>
    /// The exact bytes from the base64 field when there is one: the text field is the body decoded as text, which loses
    /// bytes that are not UTF-8. A JSON body field (WireMock.Net's <c>BodyAsJson</c>) is the last resort: it is the
    /// body re-serialized, equal in meaning but not in bytes.
    /// </summary>
    private static byte[] RequestBody(
        JsonElement request,
        string pointer,
        JsonFields fields,
        string base64,
        string text,
        string? json = null
    )
    {
        if (fields.OptionalBase64(request, pointer, base64) is { } bytes)
            return bytes;
        if (fields.OptionalString(request, pointer, text) is { } body)
            return Encoding.UTF8.GetBytes(body);
        return json is not null && JsonFields.Has(request, json) ? Encoding.UTF8.GetBytes(request.GetProperty(json).GetRawText()) : [];
    }

    /// <summary>A response body as text, from whichever of the dialect's body fields is present.</summary>
    private static string ResponseBody(
        JsonElement response,
        string pointer,
        JsonFields fields,
        string base64,
        string? base64Alias,
        string text,
        string json
    )
    {
        if (fields.OptionalBase64(response, pointer, base64) is { } bytes)
            return Encoding.UTF8.GetString(bytes);
        if (base64Alias is not null && fields.OptionalBase64(response, pointer, base64Alias) is { } aliased)
            return Encoding.UTF8.GetString(aliased);
        // A JSON body is a JSON value (jsonBody, BodyAsJson), but "body" written as an object happens too.
        foreach (var name in new[] { text, json })
            if (JsonFields.Has(response, name))
                return response.GetProperty(name) is { ValueKind: JsonValueKind.String } body
                    ? body.GetString()!
                    : response.GetProperty(name).GetRawText();
        return "";
    }
}
