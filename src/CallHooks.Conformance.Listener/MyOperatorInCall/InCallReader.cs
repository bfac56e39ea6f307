using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CallHooks.Conformance.Listener.MyOperatorInCall;

/// <summary>
/// Takes a MyOperator In-Call request apart the way the PHP sample does: GET carries only mapped query parameters;
/// POST carries the call log as form field <c>myoperator</c> holding a JSON string (<c>$_POST['myoperator']</c>, then
/// json_decode), or as a JSON body <c>{"myoperator": {...}}</c>. It knows nothing about the sender's types.
/// </summary>
internal static class InCallReader
{
    private const string FormType = "application/x-www-form-urlencoded";
    private const string JsonType = "application/json";
    private const string Field = "myoperator";

    // Invalid UTF-8 must be an error, not silently replaced characters that then fail a later check confusingly.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>MyOperator's GET has no body: the mapped fields are all in the query string.</summary>
    public static async Task<Rejection?> CheckGetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await BodyReader.ReadAsync(request.Body, cancellationToken).ConfigureAwait(false);
        return body is { Length: 0 }
            ? null
            : new Rejection(400, "a GET webhook must not carry a body (MyOperator sends GET with query parameters only)");
    }

    public static async Task<(JsonElement CallLog, Rejection? Rejection)> ReadPostAsync(
        HttpRequest request,
        CancellationToken cancellationToken
    )
    {
        var body = await BodyReader.ReadAsync(request.Body, cancellationToken).ConfigureAwait(false);
        if (body is null)
            return Fail(413, $"POST body is larger than {BodyReader.MaxBytes} bytes");
        if (body.Length == 0)
            return Fail(400, "POST body is empty");
        if (string.IsNullOrEmpty(request.ContentType) || !MediaTypeHeaderValue.TryParse(request.ContentType, out var type))
            return Fail(415, $"Content-Type is missing or unreadable; use {FormType} or {JsonType}");
        if (type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            return Fail(415, $"charset '{type.Charset}' is not supported; the call log is UTF-8");
        if (type.MediaType.Equals(FormType, StringComparison.OrdinalIgnoreCase))
            return ReadForm(body);
        if (type.MediaType.Equals(JsonType, StringComparison.OrdinalIgnoreCase))
            return ReadJson(body);
        return Fail(415, $"Content-Type '{type.MediaType}' is not supported; use {FormType} or {JsonType}");
    }

    /// <summary>
    /// The event a MyOperator POST carries: its <c>call_state</c>, or <c>after-call</c> for a log without one; null when
    /// the body cannot be read (the reader then names the problem) or the request is a GET of mapped parameters.
    /// </summary>
    public static IReadOnlySet<string>? EventsOf(HttpRequest request, byte[] body)
    {
        if (!HttpMethods.IsPost(request.Method) || !MediaTypeHeaderValue.TryParse(request.ContentType, out var type))
            return null;
        var (log, unreadable) =
            type.MediaType.Equals(FormType, StringComparison.OrdinalIgnoreCase) ? ReadForm(body)
            : type.MediaType.Equals(JsonType, StringComparison.OrdinalIgnoreCase) ? ReadJson(body)
            : (default, new Rejection(415, ""));
        if (unreadable is not null)
            return null;
        if (!log.TryGetProperty("call_state", out var state))
            return new HashSet<string>(StringComparer.Ordinal) { "after-call" };
        return new HashSet<string>(StringComparer.Ordinal)
        {
            state.ValueKind == JsonValueKind.String ? state.GetString()! : state.GetRawText(),
        };
    }

    private static (JsonElement, Rejection?) ReadForm(byte[] body)
    {
        Dictionary<string, Microsoft.Extensions.Primitives.StringValues> form;
        try
        {
            using var reader = new FormReader(StrictUtf8.GetString(body));
            form = reader.ReadForm();
        }
        catch (DecoderFallbackException)
        {
            return Fail(400, "form body is not valid UTF-8");
        }
        catch (InvalidDataException e)
        {
            return Fail(400, "form body could not be read: " + e.Message);
        }

        if (!form.TryGetValue(Field, out var values))
            return Fail(400, $"form field '{Field}' is missing");
        if (values.Count != 1)
            return Fail(400, $"form field '{Field}' appears {values.Count} times; send it once");
        if (string.IsNullOrWhiteSpace(values[0]))
            return Fail(400, $"form field '{Field}' is empty");

        try
        {
            using var document = JsonDocument.Parse(values[0]!, JsonText.Strict);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                ? (root.Clone(), null)
                : Fail(400, $"form field '{Field}' must hold a JSON object, got {JsonText.Kind(root)}");
        }
        catch (JsonException e)
        {
            return Fail(400, $"form field '{Field}' is not valid JSON: {e.Message}");
        }
    }

    private static (JsonElement, Rejection?) ReadJson(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, JsonText.Strict);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Fail(400, $"JSON body must be an object, got {JsonText.Kind(root)}");
            if (!root.TryGetProperty(Field, out var log))
                return Fail(400, $"JSON body has no '{Field}' property");
            if (log.ValueKind == JsonValueKind.String)
                return Fail(400, $"JSON property '{Field}' must be an object, got string (the call log is JSON-encoded twice)");
            return log.ValueKind == JsonValueKind.Object
                ? (log.Clone(), null)
                : Fail(400, $"JSON property '{Field}' must be an object, got {JsonText.Kind(log)}");
        }
        catch (JsonException e)
        {
            return Fail(400, "JSON body is not valid JSON: " + e.Message);
        }
    }

    private static (JsonElement, Rejection?) Fail(int status, string error) => (default, new Rejection(status, error));
}
