namespace CallHooks.Conformance.Wire;

/// <summary>Masks secrets before anything about a request is written out or printed.</summary>
public static class Redactor
{
    public const string Mask = "[redacted]";

    /// <summary>Headers in order, with secret values masked. Basic auth keeps its scheme so readers see what was sent.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Headers(WebhookRequest request) =>
        request.Headers.Select(header => request.SecretHeaders.Contains(header.Key)
            ? new KeyValuePair<string, string>(header.Key, MaskValue(header.Value))
            : new KeyValuePair<string, string>(header.Key, Text(request, header.Value))).ToList();

    /// <summary>Masks every secret value that occurs inside free text (a URL, a body, an error message).</summary>
    public static string Text(WebhookRequest request, string text) => Text(request.SecretValues, text);

    public static string Text(IEnumerable<string> secrets, string text)
    {
        foreach (var secret in secrets.Where(secret => secret.Length > 0).OrderByDescending(secret => secret.Length))
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        return text;
    }

    private static string MaskValue(string value)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && value[..space] is "Basic" or "Bearer" ? value[..space] + " " + Mask : Mask;
    }
}
