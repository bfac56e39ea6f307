using System.Security.Cryptography;
using System.Text;

namespace CallHooks.Conformance.Listener.Twilio;

/// <summary>
/// Checks <c>X-Twilio-Signature</c> the way Twilio's security page explains it: HMAC-SHA1 keyed with the auth
/// token over the requested URL followed by every POST parameter, sorted by name, as name then value; Base64.
/// </summary>
internal static class TwilioSignatureCheck
{
    public const string Header = "X-Twilio-Signature";

    public static string Expected(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        var data = new StringBuilder(url);
        foreach (var pair in form.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            data.Append(pair.Key).Append(pair.Value);
        // Twilio's scheme is HMAC-SHA1; the key (the auth token) is what protects it, not the hash.
#pragma warning disable CA5350
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }

    /// <summary>Null when the signature matches; otherwise why not (never the expected value: it would be an oracle).</summary>
    public static string? Problem(string? given, string authToken, string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        if (string.IsNullOrEmpty(given))
            return $"{Header} is missing";
        var expected = Encoding.ASCII.GetBytes(Expected(authToken, url, form));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(given), expected)
            ? null
            : $"{Header} does not match the URL {url} and the parameters";
    }
}
