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
        foreach (var (keep, spaceAsPlus) in PercentStyles)
        {
            var percent = Percent(secret, keep, spaceAsPlus);
            yield return percent;
            yield return LowerHex(percent, '%', 2);
        }

        var json = JsonEncodedText.Encode(secret).Value;
        yield return json;
        yield return LowerHex(json, 'u', 4);
        var relaxed = JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value;
        yield return relaxed;
        yield return PhpJson(secret);
        // JSON as JavaScript's JSON.stringify and Python's ensure_ascii=False write it: only the quote and the backslash escaped.
        yield return Backslashed(secret, "\\\"");
        yield return WebUtility.HtmlEncode(secret);
        // PHP's htmlspecialchars writes an apostrophe as &#039;, Python's html.escape as &#x27;; both leave other text as it is.
        foreach (var apostrophe in (string[])["&#039;", "&#x27;", "&#39;", "&apos;"])
            yield return Html(secret, apostrophe);
        // Quoted for source code: PHP's var_export (backslash and apostrophe) and addslashes (the double quote too).
        yield return Backslashed(secret, "\\'");
        yield return Backslashed(secret, "\\'\"");
        // Without its padding, which some encoders leave off and the padded form merely extends; and base64url.
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)).TrimEnd('=');
        yield return base64;
        yield return base64.Replace('+', '-').Replace('/', '_');
    }

    /// <summary>
    /// The percent-encodings listeners' languages give, by the characters each leaves as they are besides letters and
    /// digits, and whether a space becomes <c>+</c>: RFC 3986 (PHP rawurlencode, .NET EscapeDataString, Python quote
    /// with no safe characters), PHP urlencode, the web's form encoding (URLSearchParams, and callhooks' own), .NET
    /// WebUtility.UrlEncode, JavaScript encodeURIComponent and encodeURI, Python quote and quote_plus.
    /// </summary>
    private static readonly (string Keep, bool SpaceAsPlus)[] PercentStyles =
    [
        ("-_.~", false),
        ("-_.", true),
        ("*-._", true),
        ("-_.!*()", true),
        ("-_.!~*'()", false),
        ("-_.!~*'();,/?:@&=+$#", false),
        ("-_.~/", false),
        ("-_.~", true),
    ];

    /// <summary>Each of <paramref name="escaped"/> preceded by a backslash.</summary>
    private static string Backslashed(string text, string escaped)
    {
        var quoted = new StringBuilder(text.Length + 8);
        foreach (var c in text)
            (escaped.Contains(c, StringComparison.Ordinal) ? quoted.Append('\\') : quoted).Append(c);
        return quoted.ToString();
    }

    /// <summary>Only the characters HTML must escape escaped, with <paramref name="apostrophe"/> for <c>'</c>.</summary>
    private static string Html(string text, string apostrophe) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("'", apostrophe, StringComparison.Ordinal);

    /// <summary>Every UTF-8 byte of <paramref name="text"/> as <c>%XX</c>, but letters, digits and <paramref name="keep"/>.</summary>
    private static string Percent(string text, string keep, bool spaceAsPlus)
    {
        var encoded = new StringBuilder(text.Length * 3);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b < 0x80 && keep.Contains((char)b, StringComparison.Ordinal))
                encoded.Append((char)b);
            else if (b == ' ' && spaceAsPlus)
                encoded.Append('+');
            else
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return encoded.ToString();
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
