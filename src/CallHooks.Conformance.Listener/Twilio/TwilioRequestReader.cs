using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CallHooks.Conformance.Listener.Twilio;

/// <summary>
/// Takes a Twilio status callback apart as a Twilio app does: form fields of a POST (<c>request.form</c>), the query
/// string of a GET, or a JSON body whose <c>bodySHA256</c> query parameter must be its SHA-256. It also rebuilds the
/// URL as Twilio requested it (scheme, Host header, raw path and query), which the signature covers.
/// </summary>
internal static class TwilioRequestReader
{
    private const string FormType = "application/x-www-form-urlencoded";
    private const string JsonType = "application/json";
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The parameters, and those a signature appends to the URL (POST form fields only).</summary>
    public sealed record Read(
        IReadOnlyList<KeyValuePair<string, string>> Parameters,
        IReadOnlyList<KeyValuePair<string, string>> SignedForm
    );

    public static async Task<(Read? Read, Rejection? Rejection)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await BodyReader.ReadAsync(request.Body, cancellationToken).ConfigureAwait(false);
        if (body is null)
            return Fail(413, $"body is larger than {BodyReader.MaxBytes} bytes");
        if (HttpMethods.IsGet(request.Method))
        {
            if (body.Length > 0)
                return Fail(400, "a GET status callback carries its parameters in the query string, not a body");
            return (new Read(Expand(request.Query), []), null);
        }

        if (string.IsNullOrEmpty(request.ContentType) || !MediaTypeHeaderValue.TryParse(request.ContentType, out var type))
            return Fail(415, $"Content-Type is missing or unreadable; Twilio sends {FormType}");
        try
        {
            if (type.MediaType.Equals(FormType, StringComparison.OrdinalIgnoreCase))
            {
                using var reader = new FormReader(StrictUtf8.GetString(body));
                var form = Expand(reader.ReadForm());
                return (new Read(form, form), null);
            }

            if (type.MediaType.Equals(JsonType, StringComparison.OrdinalIgnoreCase))
                return ReadJson(request, body);
        }
        catch (DecoderFallbackException)
        {
            return Fail(400, "body is not valid UTF-8");
        }

        return Fail(415, $"Content-Type '{type.MediaType}' is not one Twilio sends; use {FormType} (or {JsonType} with bodySHA256)");
    }

    /// <summary>The URL as requested: what Twilio signed (it keeps the port over HTTP, drops it over HTTPS).</summary>
    public static string RequestedUrl(HttpContext context)
    {
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.Path + request.QueryString);
        var host = request.Host;
        var authority = request.IsHttps ? host.Host : host.Value;
        return request.Scheme + "://" + authority + target;
    }

    private static (Read?, Rejection?) ReadJson(HttpRequest request, byte[] body)
    {
        var given = request.Query["bodySHA256"].ToString();
        if (given.Length == 0)
            return Fail(400, "a JSON status callback needs the bodySHA256 query parameter");
        var actual = Convert.ToHexStringLower(SHA256.HashData(body));
        if (!given.Equals(actual, StringComparison.OrdinalIgnoreCase))
            return Fail(400, $"bodySHA256 {given} is not the SHA-256 of the body ({actual})");
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return Fail(400, "JSON body must be an object of parameters");
            var parameters = new List<KeyValuePair<string, string>>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String)
                    return Fail(400, $"JSON parameter {property.Name} must be a string, as every Twilio parameter is");
                parameters.Add(KeyValuePair.Create(property.Name, property.Value.GetString()!));
            }

            return (new Read(parameters, []), null);
        }
        catch (JsonException e)
        {
            return Fail(400, "JSON body is not valid JSON: " + e.Message);
        }
    }

    private static List<KeyValuePair<string, string>> Expand(
        IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values
    ) => values.SelectMany(pair => pair.Value.Select(value => KeyValuePair.Create(pair.Key, value ?? ""))).ToList();

    private static (Read?, Rejection?) Fail(int status, string error) => (null, new Rejection(status, error));
}
