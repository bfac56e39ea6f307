using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CallHooks.Conformance.Secrets;

/// <summary>
/// The forms a secret takes when a listener echoes it back: as sent, percent- or form-encoded (from a URL or a form
/// body), escaped inside JSON (by a strict or a relaxed encoder), HTML-escaped (an error page), or in base64. Every form
/// is masked, so an echo in any of them never reaches a report. Worked out once per secret.
/// </summary>
internal static class SecretVariants
{
    private static readonly ConcurrentDictionary<string, string[]> Known = new(StringComparer.Ordinal);

    /// <summary>The secret's other forms, each at least <see cref="Redactor.ShortSecret"/> characters long (shorter ones would mask ordinary text), longest first.</summary>
    public static IReadOnlyList<string> Of(string secret) =>
        Known.GetOrAdd(secret, static secret =>
            Encodings(secret)
                .Where(variant => variant.Length >= Redactor.ShortSecret && variant != secret)
                .Distinct(StringComparer.Ordinal)
                .OrderByDescending(variant => variant.Length)
                .ToArray()
        );

    private static IEnumerable<string> Encodings(string secret)
    {
        yield return Uri.EscapeDataString(secret);
        yield return WebUtility.UrlEncode(secret);
        yield return JsonEncodedText.Encode(secret).Value;
        yield return JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value;
        yield return WebUtility.HtmlEncode(secret);
        yield return Convert.ToBase64String(Encoding.UTF8.GetBytes(secret));
    }
}
