using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Providers.MyOperatorV2;

/// <summary>
/// The v2 panel's "API Key" authentication, sent in a header or in the query string:
/// <c>--option api-key=KEY</c>, <c>--option api-key-in=header|query</c> (default header) and
/// <c>--option api-key-name=NAME</c> (default <c>x-api-key</c> in a header, <c>api_key</c> in the query).
/// The key is a secret: it is marked so that no output shows it, neither in headers nor inside the URL.
/// </summary>
internal sealed record V2ApiKey(string Key, bool InQuery, string Name)
{
    public const string KeyOption = "api-key";
    public const string InOption = "api-key-in";
    public const string NameOption = "api-key-name";
    public const string DefaultHeaderName = "x-api-key";
    public const string DefaultQueryName = "api_key";

    public static readonly IReadOnlyList<string> Options = [KeyOption, InOption, NameOption];

    /// <summary>The configured key, or null when the webhook uses no API key. Assumes <see cref="Validate"/> passed.</summary>
    public static V2ApiKey? From(IReadOnlyDictionary<string, string> options)
    {
        if (!options.TryGetValue(KeyOption, out var key))
            return null;
        var inQuery = options.GetValueOrDefault(InOption) == "query";
        return new V2ApiKey(key, inQuery, options.GetValueOrDefault(NameOption) ?? (inQuery ? DefaultQueryName : DefaultHeaderName));
    }

    /// <summary>Problems with the API-key options; never repeats the key itself.</summary>
    public static IEnumerable<string> Validate(WebhookConfig config, string profile)
    {
        var options = config.Options;
        if (!options.TryGetValue(KeyOption, out var key))
        {
            foreach (var orphan in new[] { InOption, NameOption }.Where(options.ContainsKey))
                yield return $"--option {orphan}: only applies with --option {KeyOption}=KEY";
            yield break;
        }

        if (key.Length == 0 || key.Any(character => char.IsControl(character) || character == ' '))
            yield return $"--option {KeyOption}: the key must be non-empty, without spaces or control characters";
        if (config.Basic is not null)
            yield return $"--option {KeyOption} and --basic: {profile} authenticates with one method, none, Basic or an API key; choose one";
        var where = options.GetValueOrDefault(InOption) ?? "header";
        if (where is not ("header" or "query"))
            yield return $"--option {InOption}={where}: use header or query";
        if (options.TryGetValue(NameOption, out var name) && !IsName(name, where == "query"))
        {
            yield return where == "query"
                ? $"--option {NameOption}={name}: a query parameter name holds letters, digits, '_', '-' and '.' only"
                : $"--option {NameOption}={name}: not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)";
        }

        var headerName = where == "header" ? name ?? DefaultHeaderName : null;
        if (headerName is not null && config.Headers.Any(header => header.Name.Equals(headerName, StringComparison.OrdinalIgnoreCase)))
            yield return $"--option {NameOption}: the API key header '{headerName}' is also given with --header; send it once";
        if (headerName is not null && headerName.Equals("Authorization", StringComparison.OrdinalIgnoreCase) && config.Basic is not null)
            yield return $"--option {NameOption}=Authorization collides with --basic";
    }

    /// <summary>Adds the key where configured and marks it secret, raw and URL-encoded, so redaction finds it in the URL too.</summary>
    public WebhookRequest Apply(WebhookRequest request)
    {
        var secretValues = request.SecretValues.Append(Key).Append(FormUrlEncoding.Encode(Key)).Distinct(StringComparer.Ordinal).ToList();
        if (InQuery)
            return request with
            {
                Url = FormUrlEncoding.AppendQuery(request.Url, [KeyValuePair.Create(Name, Key)]),
                SecretValues = secretValues,
            };

        var secretHeaders = new HashSet<string>(request.SecretHeaders, StringComparer.OrdinalIgnoreCase) { Name };
        return request with
        {
            Headers = [.. request.Headers, KeyValuePair.Create(Name, Key)],
            SecretHeaders = secretHeaders,
            SecretValues = secretValues,
        };
    }

    private static bool IsName(string name, bool query) =>
        name.Length > 0
        && (
            query
                ? name.All(character => char.IsAsciiLetterOrDigit(character) || character is '_' or '-' or '.')
                : name.All(character =>
                    char.IsAsciiLetterOrDigit(character) || "!#$%&'*+-.^_`|~".Contains(character, StringComparison.Ordinal)
                )
        );
}
