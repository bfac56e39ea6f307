using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Secrets;

/// <summary>
/// Masks secrets before anything about a request or its answer is written out or printed: every report, the delivery
/// log, the console and error messages go through here. A secret is masked as sent and in each form a listener's echo
/// could give it (<see cref="SecretVariants"/>).
/// </summary>
internal static class Redactor
{
    public const string Mask = "[redacted]";

    /// <summary>Secrets shorter than this are masked only as whole words in free text.</summary>
    public const int ShortSecret = 6;

    /// <summary>Headers in order, with secret values masked. Basic auth keeps its scheme so readers see what was sent.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Headers(WebhookRequest request) =>
        request.Headers.Count == 0
            ? []
            : request
                .Headers.Select(header =>
                    request.SecretHeaders.Contains(header.Key)
                        ? new KeyValuePair<string, string>(header.Key, MaskValue(header.Value))
                        : new KeyValuePair<string, string>(header.Key, Text(request, header.Value))
                )
                .ToList();

    /// <summary>Masks every secret value that occurs inside free text (a URL, a body, an error message).</summary>
    public static string Text(WebhookRequest request, string text) => Text(request.SecretValues, text);

    public static string Text(IEnumerable<string> secrets, string text)
    {
        if (secrets is IReadOnlyCollection<string> { Count: 0 })
            return text;
        foreach (var secret in secrets.Where(secret => secret.Length > 0).OrderByDescending(secret => secret.Length))
        {
            // Echoed forms first: a percent-encoded secret contains pieces of the plain one, never the reverse.
            foreach (var variant in SecretVariants.Of(secret))
                text = text.Replace(variant, Mask, StringComparison.Ordinal);
            // A short secret (a Basic password "b") would mask every "b" of a report; mask it only where it stands alone.
            text =
                secret.Length >= ShortSecret
                    ? text.Replace(secret, Mask, StringComparison.Ordinal)
                    : System.Text.RegularExpressions.Regex.Replace(
                        text,
                        $"(?<![A-Za-z0-9]){System.Text.RegularExpressions.Regex.Escape(secret)}(?![A-Za-z0-9])",
                        Mask
                    );
        }

        return text;
    }

    private static string MaskValue(string value)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && value[..space] is "Basic" or "Bearer" ? value[..space] + " " + Mask : Mask;
    }
}
