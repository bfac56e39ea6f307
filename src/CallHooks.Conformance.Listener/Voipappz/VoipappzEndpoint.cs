using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CallHooks.Conformance.Listener.Voipappz;

/// <summary>
/// Reads voipappz webhooks under <c>/voipappz/...</c>: a POST with a JSON body, or a GET with the same fields as
/// query parameters (or, if the user's GET carries the JSON body, that body). Every field is checked by name, then
/// the call's fixed fields against earlier deliveries of the same uuid.
/// </summary>
internal sealed class VoipappzEndpoint(ListenerOptions options, CallCapacity capacity) : IProviderEndpoint
{
    private const string JsonType = "application/json";

    private readonly VoipappzCalls calls = new(capacity);

    public string Provider => "voipappz";

    /// <summary>Kept for the discovery contract; voipappz has no signature for a secret to verify.</summary>
    public ListenerOptions Options { get; } = options;

    /// <summary>
    /// voipappz names no event in its payload (each webhook object fires for one, so a CRM knows it by its URL), but
    /// some fields rule events out: billing only in the final record, a cause only once answered or ended, a recording
    /// only once ended. A missing or empty field proves nothing (robustness probes remove and empty optional ones), so
    /// only fields with a value count.
    /// </summary>
    public IReadOnlySet<string>? EventsOf(HttpRequest request, byte[] body)
    {
        var (payload, unreadable) =
            HttpMethods.IsGet(request.Method) && body.Length == 0 ? (FromQuery(request.Query), null) : ReadJson(request, body);
        if (unreadable is not null || payload.ValueKind != JsonValueKind.Object)
            return null;
        bool Present(string name) =>
            payload.TryGetProperty(name, out var value)
            && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            && !(value.ValueKind == JsonValueKind.String && value.GetString()!.Length == 0);
        if (Present("billing_duration"))
            return Events("Call:Reporting");
        if (Present("recording_url"))
            return Events("Call:Hangup", "Call:Reporting");
        return Present("cause") ? Events("Call:Answer", "Call:Hangup", "Call:Reporting") : null;
    }

    private static HashSet<string> Events(params string[] ids) => new(ids, StringComparer.Ordinal);

    public async Task<string> HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            return await Replies
                .Reject(context, new Rejection(405, $"method {request.Method} is not used by voipappz webhooks; use GET or POST"))
                .ConfigureAwait(false);
        }

        var body = await BodyReader.ReadAsync(request.Body, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
            return await Replies
                .Reject(context, new Rejection(413, $"body is larger than {BodyReader.MaxBytes} bytes"))
                .ConfigureAwait(false);

        var (payload, unreadable) =
            HttpMethods.IsGet(request.Method) && body.Length == 0 ? (FromQuery(request.Query), null) : ReadJson(request, body);
        if (unreadable is not null)
            return await Replies.Reject(context, unreadable).ConfigureAwait(false);

        var (uuid, problems) = VoipappzChecks.Check(payload);
        if (uuid is null)
            return await Replies.Reject(context, new Rejection(400, problems)).ConfigureAwait(false);
        if (calls.Record(uuid, payload) is { } refused)
            return await Replies.Reject(context, refused).ConfigureAwait(false);

        await Replies
            .Json(context, StatusCodes.Status200OK, json =>
            {
                json.WriteBoolean("ok", true);
                json.WriteString("uuid", uuid);
            })
            .ConfigureAwait(false);
        return "accepted uuid=" + uuid;
    }

    private static (JsonElement, Rejection?) ReadJson(HttpRequest request, byte[] body)
    {
        if (body.Length == 0)
            return Fail(400, "POST body is empty; voipappz posts its JSON body");
        if (
            string.IsNullOrEmpty(request.ContentType)
            || !MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals(JsonType, StringComparison.OrdinalIgnoreCase)
        )
            return Fail(415, $"Content-Type must be {JsonType}, got '{request.ContentType}'");
        try
        {
            using var document = JsonDocument.Parse(body, JsonText.Strict);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (document.RootElement.Clone(), null)
                : Fail(400, $"JSON body must be an object, got {JsonText.Kind(document.RootElement)}");
        }
        catch (JsonException e)
        {
            // The seed's own sample writes "destination":039000000; name it rather than leave a byte offset.
            var hint = System.Text.Encoding.UTF8.GetString(body).Contains("\"destination\":0", StringComparison.Ordinal)
                ? " (destination is an unquoted number with a leading zero, as in voipappz's sample; JSON allows no leading zeros)"
                : "";
            return Fail(400, "JSON body is not valid JSON: " + e.Message + hint);
        }
    }

    /// <summary>
    /// A GET carries text only: the reader types it back as the body would have it. Empty means null; the numeric
    /// fields become numbers when they are digits (and stay text otherwise, so the checks name the bad value).
    /// </summary>
    private static JsonElement FromQuery(IQueryCollection query)
    {
        var payload = new JsonObject();
        foreach (var (name, values) in query)
        {
            var text = values.Count == 1 ? values[0] ?? "" : string.Join(",", values.ToArray());
            payload[name] =
                text.Length == 0 ? null
                : VoipappzChecks.NumericFields.Contains(name)
                && long.TryParse(
                    text,
                    System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture,
                    out var number
                )
                    ? JsonValue.Create(number)
                : JsonValue.Create(text);
        }

        using var document = JsonDocument.Parse(payload.ToJsonString());
        return document.RootElement.Clone();
    }

    private static (JsonElement, Rejection?) Fail(int status, string error) => (default, new Rejection(status, error));
}
