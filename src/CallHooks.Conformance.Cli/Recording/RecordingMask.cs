using System.Text;
using CallHooks.Conformance.Recordings;
using CallHooks.Conformance.Secrets;

namespace CallHooks.Conformance.Cli.Recording;

/// <summary>
/// What <c>callhooks record</c> masks before an exchange reaches the file: the Authorization header (its scheme kept),
/// every header named with <c>--secret-header</c>, and every value given with <c>--secret</c> wherever it stands
/// (headers, path and query, bodies, the answer). <c>--keep-secrets</c> turns it off. The forwarding itself is untouched.
/// </summary>
internal sealed class RecordingMask(IReadOnlyList<string> secretHeaders, IReadOnlyList<string> secrets, bool keep)
{
    private readonly HashSet<string> headers = new(["Authorization", .. secretHeaders], StringComparer.OrdinalIgnoreCase);

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
            ];

    public RecordedExchange Apply(RecordedExchange exchange)
    {
        if (keep)
            return exchange;
        var body = Encoding.UTF8.GetString(exchange.Body);
        var masked = Redactor.Text(secrets, body);
        return exchange with
        {
            Target = Redactor.Text(secrets, exchange.Target),
            Headers = [.. exchange.Headers.Select(Header)],
            Body = masked == body ? exchange.Body : Encoding.UTF8.GetBytes(masked),
            Response = exchange.Response is { } response
                ? response with
                {
                    Headers = [.. response.Headers.Select(Header)],
                    Body = Redactor.Text(secrets, response.Body),
                }
                : null,
            Error = exchange.Error is { } error ? Redactor.Text(secrets, error) : null,
        };
    }

    private RecordedHeader Header(RecordedHeader header)
    {
        if (!headers.Contains(header.Name))
            return header with { Value = Redactor.Text(secrets, header.Value) };
        var space = header.Value.IndexOf(' ', StringComparison.Ordinal);
        return header with { Value = space > 0 ? header.Value[..space] + " " + Redactor.Mask : Redactor.Mask };
    }
}
