using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CallHooks.Conformance.Listener.Acefone;

/// <summary>
/// Takes an Acefone request apart without knowing the user's template: GET carries key=value pairs in the query
/// string and no body; POST carries them as a form body or as one JSON object. Keys are whatever the template says.
/// </summary>
internal static class AcefonePayloadReader
{
    private const string FormType = "application/x-www-form-urlencoded";
    private const string JsonType = "application/json";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<(AcefonePayload? Payload, Rejection? Rejection)> ReadAsync(
        HttpRequest request,
        CancellationToken cancellationToken
    )
    {
        var body = await BodyReader.ReadAsync(request.Body, cancellationToken).ConfigureAwait(false);
        if (body is null)
            return Fail(413, $"body is larger than {BodyReader.MaxBytes} bytes");
        if (HttpMethods.IsGet(request.Method))
        {
            if (body.Length > 0)
                return Fail(400, "a GET webhook must not carry a body (Acefone sends the template as the query string)");
            var query = request.QueryString.Value ?? "";
            return query.Length <= 1
                ? Fail(400, "the GET carries no query string; Acefone sends the template's key=$variable pairs there")
                : Pairs(query[1..], "query string");
        }

        if (body.Length == 0)
            return Fail(400, "POST body is empty");
        if (string.IsNullOrEmpty(request.ContentType) || !MediaTypeHeaderValue.TryParse(request.ContentType, out var type))
            return Fail(415, $"Content-Type is missing or unreadable; Acefone sends {FormType} or {JsonType}");
        if (type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            return Fail(415, $"charset '{type.Charset}' is not supported; Acefone sends UTF-8");
        if (type.MediaType.Equals(FormType, StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return Pairs(StrictUtf8.GetString(body), "form body");
            }
            catch (DecoderFallbackException)
            {
                return Fail(400, "form body is not valid UTF-8");
            }
        }

        return type.MediaType.Equals(JsonType, StringComparison.OrdinalIgnoreCase)
            ? Json(body)
            : Fail(415, $"Content-Type '{type.MediaType}' is not supported; Acefone sends {FormType} or {JsonType}");
    }

    private static (AcefonePayload?, Rejection?) Pairs(string text, string where)
    {
        Dictionary<string, Microsoft.Extensions.Primitives.StringValues> pairs;
        try
        {
            using var reader = new FormReader(text);
            pairs = reader.ReadForm();
        }
        catch (InvalidDataException e)
        {
            return Fail(400, $"{where} could not be read: {e.Message}");
        }

        var repeated = pairs.FirstOrDefault(pair => pair.Value.Count > 1).Key;
        if (repeated is not null)
            return Fail(
                400,
                $"{where} key {JsonText.Quote(repeated)} appears {pairs[repeated].Count} times; a template writes each key once"
            );
        var fields = pairs.ToDictionary(pair => pair.Key, pair => AcefoneField.OfText(pair.Value[0] ?? ""), StringComparer.Ordinal);
        var fingerprint = string.Join(
            "&",
            fields.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Key + "=" + pair.Value.Text)
        );
        return (new AcefonePayload(fields, FromJson: false, fingerprint), null);
    }

    private static (AcefonePayload?, Rejection?) Json(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, JsonText.Strict);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Fail(400, $"JSON body must be an object, got {JsonText.Kind(root)}");
            var fields = new Dictionary<string, AcefoneField>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                fields[property.Name] =
                    property.Value.ValueKind == JsonValueKind.String
                        ? AcefoneField.OfText(property.Value.GetString()!)
                        : new AcefoneField(null, property.Value.Clone());
            }

            return (new AcefonePayload(fields, FromJson: true, JsonText.Compact(root)), null);
        }
        catch (JsonException e)
        {
            return Fail(400, "JSON body is not valid JSON: " + e.Message);
        }
    }

    private static (AcefonePayload?, Rejection?) Fail(int status, string error) => (null, new Rejection(status, error));
}
