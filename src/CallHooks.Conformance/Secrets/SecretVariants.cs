using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CallHooks.Conformance.Secrets;

/// <summary>
/// The forms a secret takes when a listener echoes it back: as sent, percent- or form-encoded (from a URL or a form
/// body, with upper- or lower-case hex), escaped inside JSON (by a strict or a relaxed encoder, and as PHP's json_encode
/// writes it: <c>/</c> as <c>\/</c>, non-ASCII as lower-case <c>\u</c> escapes), HTML-escaped (an error page), or in base64.
/// Every form is masked, so an echo in any of them never reaches a report. Worked out once per secret.
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
        var percent = Uri.EscapeDataString(secret);
        yield return percent;
        yield return LowerHex(percent, '%', 2);
        var form = WebUtility.UrlEncode(secret);
        yield return form;
        yield return LowerHex(form, '%', 2);
        var json = JsonEncodedText.Encode(secret).Value;
        yield return json;
        yield return LowerHex(json, 'u', 4);
        var relaxed = JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value;
        yield return relaxed;
        yield return PhpJson(secret);
        yield return WebUtility.HtmlEncode(secret);
        yield return Convert.ToBase64String(Encoding.UTF8.GetBytes(secret));
    }

    /// <summary>The same text with the hex digits after each <paramref name="marker"/> in lower case (<c>%2b</c>, <c>\u002b</c>).</summary>
    private static string LowerHex(string text, char marker, int digits)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] != marker || i + digits >= chars.Length || (marker == 'u' && (i == 0 || chars[i - 1] != '\\')))
                continue;
            for (var j = i + 1; j <= i + digits; j++)
                chars[j] = char.ToLowerInvariant(chars[j]);
        }

        return new string(chars);
    }

    /// <summary>What PHP's json_encode writes by default: quotes and backslashes escaped, <c>/</c> as <c>\/</c>, controls and non-ASCII as <c>\uxxxx</c>.</summary>
    private static string PhpJson(string secret)
    {
        var text = new StringBuilder(secret.Length + 8);
        foreach (var c in secret)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                '/' => text.Append("\\/"),
                < ' ' or > '~' => text.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        return text.ToString();
    }
}
