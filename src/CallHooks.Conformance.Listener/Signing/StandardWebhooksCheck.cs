using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CallHooks.Conformance.Listener.Signing;

/// <summary>
/// Verifies Standard Webhooks signatures on every webhook, whatever the provider, when the listener's secret is a
/// <c>whsec_</c> key: <c>webhook-id</c>, <c>webhook-timestamp</c> and <c>webhook-signature</c> must be present, the
/// timestamp within five minutes of the clock (either way, as the reference libraries check), and one of the
/// space-separated <c>v1,</c> signatures must equal HMAC-SHA256(key, id.timestamp.body). Written from the
/// specification, independently of the sender.
/// </summary>
/// <remarks>
/// The clock is <see cref="ListenerOptions.SignatureClock"/> when set: the harness signs with event times on its
/// own clock, which <c>--now</c> may put anywhere, and the embedded listener shares that clock. A standalone
/// listener uses the real clock, so a run with a <c>--now</c> far from today fails here, as it would at any
/// receiver that follows the specification.
/// </remarks>
internal sealed class StandardWebhooksCheck
{
    public const string Prefix = "whsec_";
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private readonly byte[]? key;
    private readonly TimeProvider clock;

    public StandardWebhooksCheck(ListenerOptions options)
    {
        key = options.Secret is { } secret && secret.StartsWith(Prefix, StringComparison.Ordinal) ? DecodeKey(secret) : null;
        clock = options.SignatureClock ?? options.Clock;
    }

    /// <summary>The HMAC key of a <c>whsec_</c> secret, or null when the part after the prefix is not base64.</summary>
    public static byte[]? DecodeKey(string secret)
    {
        var text = secret[Prefix.Length..];
        var buffer = new byte[text.Length];
        return text.Length > 0 && Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }

    /// <summary>Null when the request may pass (or no whsec_ key is configured); otherwise 403 saying what failed.</summary>
    /// <remarks>Reads the body and puts a rewound copy back, so the provider's reader sees it unchanged.</remarks>
    public async Task<Rejection?> CheckAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (key is null)
            return null;
        var body = await BodyReader.ReadAsync(request.Body, cancellationToken).ConfigureAwait(false);
        if (body is null)
            return new Rejection(413, $"body is larger than {BodyReader.MaxBytes} bytes");
        request.Body = new MemoryStream(body, writable: false);

        var id = request.Headers["webhook-id"].ToString();
        var timestamp = request.Headers["webhook-timestamp"].ToString();
        var signatures = request.Headers["webhook-signature"].ToString();
        var missing = new[] { ("webhook-id", id), ("webhook-timestamp", timestamp), ("webhook-signature", signatures) }
            .Where(header => header.Item2.Length == 0)
            .Select(header => header.Item1)
            .ToList();
        if (missing.Count > 0)
            return new Rejection(403, $"Standard Webhooks header(s) missing: {string.Join(", ", missing)}");
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return new Rejection(403, $"webhook-timestamp '{timestamp}' is not Unix seconds");

        var skew = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799)) - clock.GetUtcNow();
        if (skew.Duration() > Tolerance)
            return new Rejection(
                403,
                $"webhook-timestamp {timestamp} is {(long)skew.Duration().TotalSeconds} s {(skew < TimeSpan.Zero ? "old" : "in the future")}; the tolerance is 5 minutes"
            );

        byte[] content = [.. Encoding.UTF8.GetBytes(id + "." + timestamp + "."), .. body];
        var expected = HMACSHA256.HashData(key, content);
        foreach (var entry in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!entry.StartsWith("v1,", StringComparison.Ordinal))
                continue;
            var encoded = entry[3..];
            var given = new byte[encoded.Length];
            if (
                Convert.TryFromBase64String(encoded, given, out var length)
                && CryptographicOperations.FixedTimeEquals(given.AsSpan(0, length), expected)
            )
                return null;
        }

        return new Rejection(403, "webhook-signature has no v1 signature matching the body, webhook-id and webhook-timestamp");
    }
}
