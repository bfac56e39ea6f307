using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CallHooks.Conformance.Listener.MyOperatorV2;

/// <summary>
/// The v2 panel's API-key authentication, read from the same <c>--option</c> settings the run uses:
/// <c>api-key</c>, <c>api-key-in</c> (header, the default, or query) and <c>api-key-name</c> (default
/// <c>x-api-key</c> for a header, <c>api_key</c> for the query). Messages name where the key was expected, never the key.
/// </summary>
internal sealed class V2ApiKeyCheck
{
    private readonly byte[]? key;
    private readonly bool inQuery;
    private readonly string name = "";

    public V2ApiKeyCheck(IReadOnlyDictionary<string, string> options)
    {
        if (!options.TryGetValue("api-key", out var configured))
            return;
        key = Encoding.UTF8.GetBytes(configured);
        inQuery = options.GetValueOrDefault("api-key-in") == "query";
        name = options.GetValueOrDefault("api-key-name") ?? (inQuery ? "api_key" : "x-api-key");
    }

    /// <summary>Null when no key is configured or the request carries the right one; else 401 (missing) or 403 (wrong).</summary>
    public Rejection? Check(HttpRequest request)
    {
        if (key is null)
            return null;
        var where = inQuery ? $"query parameter '{name}'" : $"header '{name}'";
        var values = inQuery ? request.Query[name] : request.Headers[name];
        if (values.Count == 0)
            return new Rejection(401, $"API key {where} is missing");
        if (values.Count > 1)
            return new Rejection(400, $"API key {where} appears {values.Count} times; send it once");
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(values[0] ?? ""), key)
            ? null
            : new Rejection(403, $"API key {where} is wrong");
    }
}
