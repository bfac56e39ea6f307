using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CallHooks.Conformance.Listener;

/// <summary>
/// MyOperator's two webhook protections, checked Basic first, then the custom header. Messages name what is wrong
/// but never echo a credential or a header value: they end up in logs and reports. In
/// <see cref="ListenerMode.AcceptsMissingAuth"/> a credential that is absent is not checked at all: the common bug
/// of comparing a secret only when the request brings one.
/// </summary>
internal sealed class AuthCheck
{
    public const string Challenge = "Basic realm=\"callhooks\"";

    private readonly byte[]? basicPair;
    private readonly string? headerName;
    private readonly byte[]? headerValue;
    private readonly bool forgivesMissing;

    public AuthCheck(ListenerOptions options)
    {
        forgivesMissing = new ListenerFaults(options).ForgivesMissingCredentials;
        if (!string.IsNullOrEmpty(options.BasicUser))
            basicPair = Encoding.UTF8.GetBytes(options.BasicUser + ":" + (options.BasicPassword ?? ""));
        if (!string.IsNullOrEmpty(options.RequiredHeaderName) && !string.IsNullOrEmpty(options.RequiredHeaderValue))
        {
            headerName = options.RequiredHeaderName;
            headerValue = Encoding.UTF8.GetBytes(options.RequiredHeaderValue);
        }
    }

    /// <summary>Null when the request may pass; otherwise 401 (Basic) or 403 (header).</summary>
    public Rejection? Check(HttpRequest request)
    {
        if (basicPair is not null && CheckBasic(request) is { } basicProblem)
            return new Rejection(401, basicProblem);
        if (headerName is not null && CheckHeader(request) is { } headerProblem)
            return new Rejection(403, headerProblem);
        return null;
    }

    private string? CheckBasic(HttpRequest request)
    {
        var values = request.Headers.Authorization;
        if (values.Count == 0)
            return forgivesMissing ? null : "Basic credentials are missing";
        if (values.Count > 1)
            return "Authorization header appears more than once";

        var header = values[0] ?? "";
        const string scheme = "Basic ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            return "Authorization header does not use the Basic scheme";

        var encoded = header[scheme.Length..].Trim();
        var decoded = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, decoded, out var length))
            return "Basic credentials are not valid base64";

        // Constant-time compare of the whole "user:password", so timing does not reveal how much matched.
        return CryptographicOperations.FixedTimeEquals(decoded.AsSpan(0, length), basicPair) ? null : "Basic credentials are wrong";
    }

    private string? CheckHeader(HttpRequest request)
    {
        if (!request.Headers.TryGetValue(headerName!, out var values) || values.Count == 0)
            return forgivesMissing ? null : $"required header '{headerName}' is missing";
        var matches = values.Count == 1 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(values[0] ?? ""), headerValue);
        return matches ? null : $"required header '{headerName}' has the wrong value";
    }
}
