using System.Text;
using CallHooks.Conformance.Recordings;
using CallHooks.Conformance.Secrets;

namespace CallHooks.Conformance.Cli.Recording;

/// <summary>
/// What <c>callhooks record</c> masks before an exchange reaches the file: the Authorization and Proxy-Authorization
/// headers (a Basic or Bearer scheme kept, so readers see which), every header named with <c>--secret-header</c> (its
/// whole value), every value given with <c>--secret</c> wherever it stands, and each masked value again wherever the
/// listener echoes it (the answer's headers and body, a Basic header's decoded password). <c>--keep-secrets</c> turns
/// it off. The forwarding itself is untouched.
/// </summary>
internal sealed class RecordingMask(IReadOnlyList<string> secretHeaders, IReadOnlyList<string> secrets, bool keep)
{
    private static readonly string[] CredentialHeaders = ["Authorization", "Proxy-Authorization"];
    private static readonly string[] Schemes = ["Basic", "Bearer"];

    private readonly HashSet<string> headers = new([.. CredentialHeaders, .. secretHeaders], StringComparer.OrdinalIgnoreCase);

    /// <summary>What the recording says was masked, one sentence each.</summary>
    public IReadOnlyList<string> Said =>
        keep
            ? ["nothing: recorded with --keep-secrets, so this file holds credentials and signing secrets as they were sent"]
            :
            [
                .. headers.Order(StringComparer.OrdinalIgnoreCase).Select(name => $"the value of header {name} (as {Redactor.Mask})"),
                .. secrets.Count > 0
                    ? [$"{secrets.Count} value(s) given with --secret, wherever they appeared (as {Redactor.Mask})"]
                    : Array.Empty<string>(),
                "each masked value again wherever the listener echoed it",
            ];

    /// <summary>A URL as it may be written or printed: without the credentials of its user-info part.</summary>
    public string Url(Uri url) =>
        keep || url.UserInfo.Length == 0
            ? url.ToString()
            : url.ToString().Replace(url.UserInfo + "@", Redactor.Mask + "@", StringComparison.Ordinal);

    public RecordedExchange Apply(RecordedExchange exchange)
    {
        if (keep)
            return exchange;
        // This exchange's own secrets too: what its masked headers carried, in every form an echo could give it.
        var all = secrets
            .Concat(exchange.Headers.Where(header => headers.Contains(header.Name)).SelectMany(header => Forms(header.Value)))
            .ToList();
        var body = Encoding.UTF8.GetString(exchange.Body);
        var masked = Redactor.Text(all, body);
        return exchange with
        {
            Target = Redactor.Text(all, exchange.Target),
            Headers = [.. exchange.Headers.Select(header => Header(header, all))],
            // A body that held no secret keeps its bytes exactly, UTF-8 or not.
            Body = masked == body ? exchange.Body : Encoding.UTF8.GetBytes(masked),
            Response = exchange.Response is { } response
                ? response with
                {
                    Headers = [.. response.Headers.Select(header => Header(header, all))],
                    Body = Redactor.Text(all, response.Body),
                }
                : null,
            Error = exchange.Error is { } error ? Redactor.Text(all, error) : null,
        };
    }

    private RecordedHeader Header(RecordedHeader header, IReadOnlyList<string> all)
    {
        if (!headers.Contains(header.Name))
            return header with { Value = Redactor.Text(all, header.Value) };
        var space = header.Value.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space > 0 ? header.Value[..space] : "";
        var keepsScheme =
            CredentialHeaders.Contains(header.Name, StringComparer.OrdinalIgnoreCase)
            && Schemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);
        return header with { Value = keepsScheme ? scheme + " " + Redactor.Mask : Redactor.Mask };
    }

    /// <summary>A header's secret as an echo could show it: whole, its credential after the scheme, a Basic pair decoded and its password.</summary>
    private static IEnumerable<string> Forms(string value)
    {
        yield return value;
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
            yield break;
        var credential = value[(space + 1)..].Trim();
        yield return credential;
        if (!value[..space].Equals("Basic", StringComparison.OrdinalIgnoreCase))
            yield break;
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(credential));
        }
        catch (FormatException)
        {
            yield break;
        }

        yield return decoded;
        if (decoded.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 && colon < decoded.Length - 1)
            yield return decoded[(colon + 1)..];
    }
}
