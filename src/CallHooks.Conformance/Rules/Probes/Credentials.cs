using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Rules.Probes;

/// <summary>
/// Finds and alters what proves a request comes from the provider: Basic auth, secret custom headers, signature
/// headers, and secrets in the query string (API keys).
/// </summary>
internal static class Credentials
{
    /// <summary>Headers that carry a signature; they prove origin without holding the secret itself.</summary>
    public static readonly IReadOnlySet<string> SignatureHeaders = new HashSet<string>(
        ["X-Twilio-Signature", "webhook-signature"],
        StringComparer.OrdinalIgnoreCase
    );

    public static bool Present(WebhookRequest request) =>
        request.Headers.Any(header => IsCredential(request, header.Key)) || QueryHoldsSecret(request);

    public static bool Signed(WebhookRequest request) => request.Headers.Any(header => SignatureHeaders.Contains(header.Key));

    /// <summary>The request with every credential removed.</summary>
    public static WebhookRequest Strip(WebhookRequest request) =>
        request with
        {
            Headers = request.Headers.Where(header => !IsCredential(request, header.Key)).ToList(),
            Url = RewriteQuery(request, _ => null),
        };

    /// <summary>The request with every credential present but wrong: same shape, other value.</summary>
    public static WebhookRequest Falsify(WebhookRequest request) =>
        request with
        {
            Headers = request
                .Headers.Select(header =>
                    IsCredential(request, header.Key) ? KeyValuePair.Create(header.Key, Wrong(header.Key, header.Value)) : header
                )
                .ToList(),
            Url = RewriteQuery(request, value => "wrong-" + value.Length),
        };

    private static bool IsCredential(WebhookRequest request, string header) =>
        request.SecretHeaders.Contains(header) || SignatureHeaders.Contains(header);

    private static string Wrong(string name, string value)
    {
        if (value.StartsWith("Basic ", StringComparison.Ordinal))
            return "Basic " + Convert.ToBase64String("callhooks:wrong-password"u8.ToArray());
        if (name.Equals("webhook-signature", StringComparison.OrdinalIgnoreCase))
            return "v1," + Convert.ToBase64String(new byte[32]);
        if (SignatureHeaders.Contains(name))
            return Convert.ToBase64String(new byte[20]);
        // Nothing derived from the real value: a listener may echo what it got, and that must not reveal the secret.
        return "callhooks-wrong-credential";
    }

    private static bool QueryHoldsSecret(WebhookRequest request) =>
        request.SecretValues.Any(secret =>
            secret.Length > 0 && request.Url.Query.Contains(FormUrlEncoding.Encode(secret), StringComparison.Ordinal)
        );

    /// <summary>Rewrites query parameters whose value is a secret: null removes them.</summary>
    private static Uri RewriteQuery(WebhookRequest request, Func<string, string?> replace)
    {
        if (!QueryHoldsSecret(request))
            return request.Url;
        var encodedSecrets = request
            .SecretValues.Where(secret => secret.Length > 0)
            .Select(FormUrlEncoding.Encode)
            .ToHashSet(StringComparer.Ordinal);
        var pairs = request
            .Url.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair =>
                pair.Length == 2 && encodedSecrets.Contains(pair[1])
                    ? replace(pair[1]) is { } other
                        ? pair[0] + "=" + other
                        : null
                    : string.Join('=', pair)
            )
            .OfType<string>();
        return new UriBuilder(request.Url) { Query = string.Join('&', pairs) }.Uri;
    }
}
