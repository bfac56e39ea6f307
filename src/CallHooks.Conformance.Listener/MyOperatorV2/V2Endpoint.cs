using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CallHooks.Conformance.Listener.MyOperatorV2;

/// <summary>
/// <c>/myoperator-v2/...</c>: one MyOperator Webhooks v2 event. v2 is POST with a JSON body only, so anything else
/// is refused (405, 415); then the API key (when configured), the envelope and payload field by field (400), and the
/// event against the earlier events of its session (409). Reads raw JSON by name and shares nothing with the sender.
/// </summary>
internal sealed class V2Endpoint(ListenerOptions options, CallCapacity capacity) : IProviderEndpoint
{
    private const string JsonType = "application/json";

    private readonly V2ApiKeyCheck apiKey = new(options.ProviderOptions);
    private readonly V2SessionBook book = new(capacity);

    public string Provider => "myoperator-v2";

    public async Task<string> HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "POST";
            return await Reject(
                    context,
                    new Rejection(405, $"method {request.Method} is not used by MyOperator webhooks v2; they POST JSON")
                )
                .ConfigureAwait(false);
        }

        if (apiKey.Check(request) is { } denied)
            return await Reject(context, denied).ConfigureAwait(false);

        var (root, unreadable) = await ReadAsync(request, context.RequestAborted).ConfigureAwait(false);
        if (unreadable is not null)
            return await Reject(context, unreadable).ConfigureAwait(false);

        var (delivery, problems) = V2EnvelopeChecks.Check(root);
        if (delivery is null)
            return await Reject(context, new Rejection(400, problems)).ConfigureAwait(false);

        var (duplicate, conflict) = book.Record(delivery);
        if (conflict is not null)
            return await Reject(context, conflict).ConfigureAwait(false);

        await Replies
            .Json(context, StatusCodes.Status200OK, json =>
            {
                json.WriteBoolean("ok", true);
                json.WriteString("session_id", delivery.SessionId);
                json.WriteString("event_type", delivery.EventType);
                if (delivery.Sequence is { } sequence)
                    json.WriteNumber("event_sequence", sequence);
                if (duplicate)
                    json.WriteBoolean("duplicate", true);
            })
            .ConfigureAwait(false);
        return $"{(duplicate ? "duplicate" : "accepted")} session_id={delivery.SessionId} {delivery.EventType}";
    }

    private static async Task<(JsonElement Root, Rejection? Rejection)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (
            string.IsNullOrEmpty(request.ContentType)
            || !MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals(JsonType, StringComparison.OrdinalIgnoreCase)
        )
            return Fail(415, $"Content-Type must be {JsonType}: MyOperator webhooks v2 send JSON only");
        if (type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            return Fail(415, $"charset '{type.Charset}' is not supported; the event is UTF-8 JSON");

        var body = await BodyReader.ReadAsync(request.Body, cancellationToken).ConfigureAwait(false);
        if (body is null)
            return Fail(413, $"POST body is larger than {BodyReader.MaxBytes} bytes");
        if (body.Length == 0)
            return Fail(400, "POST body is empty");
        try
        {
            using var document = JsonDocument.Parse(body, JsonText.Strict);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                ? (root.Clone(), null)
                : Fail(400, $"JSON body must be the event envelope object, got {JsonText.Kind(root)}");
        }
        catch (JsonException e)
        {
            return Fail(400, "JSON body is not valid JSON: " + e.Message);
        }
    }

    private static (JsonElement, Rejection?) Fail(int status, string error) => (default, new Rejection(status, error));

    private static Task<string> Reject(HttpContext context, Rejection rejection) => Replies.Reject(context, rejection);
}
