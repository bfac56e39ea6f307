using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CallHooks.Conformance.Recordings;

/// <summary>
/// A webhook's payload as top-level fields in the order they were sent, whatever carried them: a JSON body, a form
/// body, a form field holding JSON (MyOperator's <c>myoperator=</c>), or the query string of a GET. Recorded and
/// generated requests are read the same way, so they can be compared field by field.
/// </summary>
internal sealed record PayloadView(string Carrier, JsonObject Fields)
{
    /// <summary>Each field's <see cref="ValueShape"/>, worked out once: recognition compares them with every sample.</summary>
    public IReadOnlyDictionary<string, string> Shapes =>
        field ??= Fields.ToDictionary(member => member.Key, member => ValueShape.Of(member.Value), StringComparer.Ordinal);

    public static PayloadView Of(string method, string target, string? mediaType, ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
            return new PayloadView("query string", Pairs(Query(target)));
        var text = Encoding.UTF8.GetString(body);
        if (mediaType?.Contains("json", StringComparison.Ordinal) == true || mediaType is null && text.TrimStart().StartsWith('{'))
            return AsJsonObject(text) switch
            {
                // One member holding an object is the payload's envelope (MyOperator's {"myoperator": {...}}).
                { Count: 1 } json when json.First().Value is JsonObject inner => new PayloadView(
                    $"JSON body member {json.First().Key}",
                    inner
                ),
                { } json => new PayloadView("JSON body", json),
                null => new PayloadView("unreadable JSON body", []),
            };
        var form = Form(text);
        // One form field whose value is a JSON object is the payload (MyOperator's myoperator=...), not the form.
        if (form.Count == 1 && AsJsonObject(form[0].Value) is { } nested)
            return new PayloadView($"form field {form[0].Key} (JSON)", nested);
        return new PayloadView("form body", Pairs(form));
    }

    public static PayloadView Of(Wire.WebhookRequest request) =>
        Of(request.Method, request.Url.PathAndQuery, request.ContentType?.Split(';')[0].Trim().ToLowerInvariant(), request.Body.Span);

    public static PayloadView Of(RecordedExchange exchange) => Of(exchange.Method, exchange.Target, exchange.MediaType, exchange.Body);

    /// <summary>The value of <paramref name="path"/> (<c>a</c> or <c>a.b</c>) as text, or null.</summary>
    public string? Text(string path)
    {
        JsonNode? node = Fields;
        foreach (var step in path.Split('.'))
            node = node is JsonObject parent && parent.TryGetPropertyValue(step, out var next) ? next : null;
        return node switch
        {
            null => null,
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            _ => node.ToJsonString(),
        };
    }

    private static JsonObject? AsJsonObject(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Query(string target)
    {
        var mark = target.IndexOf('?', StringComparison.Ordinal);
        return mark < 0 ? "" : target[(mark + 1)..];
    }

    private static List<KeyValuePair<string, string>> Form(string text) =>
        [
            .. text.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair =>
                {
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    var name = equals < 0 ? pair : pair[..equals];
                    var value = equals < 0 ? "" : pair[(equals + 1)..];
                    return KeyValuePair.Create(Unescape(name), Unescape(value));
                }),
        ];

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static JsonObject Pairs(string query) => Pairs(Form(query));

    /// <summary>Form fields as JSON strings; a repeated name keeps its first value (providers send each name once).</summary>
    private static JsonObject Pairs(List<KeyValuePair<string, string>> pairs)
    {
        var fields = new JsonObject();
        foreach (var (name, value) in pairs)
            fields.TryAdd(name, value);
        return fields;
    }
}
