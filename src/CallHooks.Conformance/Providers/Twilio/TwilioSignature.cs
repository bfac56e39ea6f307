using System.Security.Cryptography;
using System.Text;

namespace CallHooks.Conformance.Providers.Twilio;

/// <summary>
/// <c>X-Twilio-Signature</c> per Twilio's security page: Base64(HMAC-SHA1(auth token, URL + every POST parameter
/// sorted by name, appended as name then value with no separators)). GET and JSON requests sign the URL alone
/// (their parameters are in it); JSON bodies are bound to it by the <c>bodySHA256</c> query parameter.
/// </summary>
internal static class TwilioSignature
{
    public const string Header = "X-Twilio-Signature";
    public const string BodyHashParameter = "bodySHA256";

    /// <summary>Signs <paramref name="url"/> (exactly as requested) and the form parameters, if any.</summary>
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> formParameters)
    {
        var data = new StringBuilder(url);
        // "Unix-style case-sensitive sorting order": ordinal. The sort is stable, so repeated names keep their order.
        foreach (var (name, value) in formParameters.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            data.Append(name).Append(value);
        // Twilio's scheme is HMAC-SHA1; the key (the auth token) is what protects it, not the hash.
#pragma warning disable CA5350
        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
#pragma warning restore CA5350
        return Convert.ToBase64String(mac);
    }

    /// <summary>The <c>bodySHA256</c> value: the SHA-256 of the body in lowercase hex.</summary>
    public static string BodyHash(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>
    /// The URL Twilio signs for a voice callback: without user info, and over HTTPS without the port (Twilio drops it
    /// for voice callbacks over HTTPS and keeps it over HTTP). Path and query exactly as sent.
    /// </summary>
    public static string SignedUrl(Uri url)
    {
        var authority =
            url.Scheme == Uri.UriSchemeHttps || url.IsDefaultPort
                ? url.Host
                : url.Host + ":" + url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return url.Scheme + "://" + authority + url.PathAndQuery;
    }
}
