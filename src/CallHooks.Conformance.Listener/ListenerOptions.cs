using System.Net;

namespace CallHooks.Conformance.Listener;

/// <summary>
/// Where the reference listener binds and what it demands of every webhook request. A plain settable class:
/// <see cref="ReferenceListener.StartAsync"/> validates it once and copies what it needs, so later edits have no effect.
/// </summary>
public sealed class ListenerOptions
{
    /// <summary>An IP address or <c>localhost</c>. Loopback by default: the listener is a test target, not a public server.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>0 picks a free port; <see cref="ReferenceListener.BaseUrl"/> tells which.</summary>
    public int Port { get; set; }

    /// <summary>With <see cref="RequiredHeaderValue"/>: MyOperator's "custom headers" secret. Missing or different gives 403.</summary>
    public string? RequiredHeaderName { get; set; }

    public string? RequiredHeaderValue { get; set; }

    /// <summary>When set, webhook requests need <c>Authorization: Basic</c> with these credentials, else 401.</summary>
    public string? BasicUser { get; set; }

    /// <summary>MyOperator's panel accepts an empty password, so null here means empty.</summary>
    public string? BasicPassword { get; set; }

    /// <summary>One line per request: method, path, status and verdict. Never header values or credentials.</summary>
    public Action<string>? Log { get; set; }

    /// <summary>A signing secret (Twilio auth token, Standard Webhooks <c>whsec_</c> key): when set, signatures are verified.</summary>
    public string? Secret { get; set; }

    /// <summary>Strict (correct) by default; the other modes are deliberate bugs for proving the harness's rules.</summary>
    public ListenerMode Mode { get; set; } = ListenerMode.Strict;

    /// <summary>
    /// How long <see cref="ListenerMode.Slow"/> waits before answering: by default beyond the 1 s a provider would like
    /// and inside MyOperator's 5 s budget, so only the SHOULD rule fails.
    /// </summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>
    /// How long <see cref="ListenerMode.BlocksThenFails"/> blocks on its first webhook: by default past MyOperator's 5 s
    /// budget and inside the 10 s callhooks keeps reading, so the late 500 is seen and reported.
    /// </summary>
    public TimeSpan BlockDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// How many calls the listener keeps, across all providers (about 5 KB each): a new call beyond them is refused with
    /// 503, so a listener left running, or flooded, holds bounded memory. Restart it to start over.
    /// </summary>
    public int MaxCalls { get; set; } = DefaultMaxCalls;

    public const int DefaultMaxCalls = 20_000;

    /// <summary>The CRM the listener pushes each finished call to (JSON POST); null pushes nothing.</summary>
    public Uri? DownstreamUrl { get; set; }

    /// <summary>The run's <c>--option name=value</c> settings, for readers that check them (myoperator-v2's <c>api-key</c>).</summary>
    public IReadOnlyDictionary<string, string> ProviderOptions { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The clock signed timestamps (Standard Webhooks <c>webhook-timestamp</c>) are checked against; null means the
    /// listener's own clock. The embedded listener gets the run's clock, which starts at <c>--now</c>.
    /// </summary>
    public TimeProvider? SignatureClock { get; set; }

    /// <summary>
    /// The panel's webhook routes; empty (the default) serves <c>/&lt;provider&gt;/...</c> for each provider and the
    /// MyOperator In-Call reader on every other path. With routes, only their paths are webhooks, each with its own
    /// header, Basic and Standard Webhooks credentials (the listener-wide ones are not checked), and any other path is
    /// 404; <see cref="Secret"/> still reaches readers that verify their provider's own signature (Twilio).
    /// </summary>
    public IReadOnlyList<ListenerRoute> Routes { get; set; } = [];

    /// <summary>Tests pin the clock so received-at stamps are exact; everyone else keeps the system clock.</summary>
    internal TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Every problem at once, so a user fixes the command line in one go.</summary>
    internal IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!TryResolveHost(Host, out _))
            problems.Add($"Host '{Host}' is not an IP address or 'localhost'");
        if (Port is < 0 or > 65535)
            problems.Add($"Port {Port} is outside 0..65535");
        if (string.IsNullOrEmpty(RequiredHeaderName) != string.IsNullOrEmpty(RequiredHeaderValue))
            problems.Add("RequiredHeaderName and RequiredHeaderValue must be set together");
        if (!string.IsNullOrEmpty(RequiredHeaderName) && !IsToken(RequiredHeaderName))
            problems.Add($"RequiredHeaderName '{RequiredHeaderName}' is not a valid HTTP header name");
        if (string.IsNullOrEmpty(BasicUser) && !string.IsNullOrEmpty(BasicPassword))
            problems.Add("BasicPassword is set without BasicUser");
        if (
            Secret?.StartsWith(Signing.StandardWebhooksCheck.Prefix, StringComparison.Ordinal) == true
            && Signing.StandardWebhooksCheck.DecodeKey(Secret) is null
        )
            problems.Add("Secret starts with whsec_ but the rest is not base64");
        if (BasicUser?.Contains(':', StringComparison.Ordinal) == true)
            problems.Add("BasicUser must not contain ':' (Basic auth splits user and password at the first colon)");
        if (!Enum.IsDefined(Mode))
            problems.Add($"Mode {(int)Mode} is not a ListenerMode");
        if (MaxCalls < 1)
            problems.Add($"MaxCalls {MaxCalls} must be at least 1");
        if (BlockDelay < TimeSpan.Zero)
            problems.Add($"BlockDelay {BlockDelay} must not be negative");
        if (SlowDelay < TimeSpan.Zero)
            problems.Add($"SlowDelay {SlowDelay} must not be negative");
        if (
            DownstreamUrl is not null
            && !(DownstreamUrl.IsAbsoluteUri && (DownstreamUrl.Scheme == Uri.UriSchemeHttp || DownstreamUrl.Scheme == Uri.UriSchemeHttps))
        )
            problems.Add($"DownstreamUrl '{DownstreamUrl}' must be an absolute http or https URL");
        foreach (var route in Routes)
        {
            if (!route.Path.StartsWith('/'))
                problems.Add($"Route path '{route.Path}' must start with /");
            if (string.IsNullOrEmpty(route.RequiredHeaderName) != string.IsNullOrEmpty(route.RequiredHeaderValue))
                problems.Add($"Route {route.Path}: RequiredHeaderName and RequiredHeaderValue must be set together");
        }

        foreach (
            var shared in Routes
                .GroupBy(route => ListenerRoutes.Normalize(route.Path), StringComparer.OrdinalIgnoreCase)
                .Where(group => group.Select(route => route.Provider).Distinct(StringComparer.Ordinal).Count() > 1)
        )
            problems.Add(
                $"Route path '{shared.Key}' is given to several providers ({string.Join(", ", shared.Select(route => route.Provider).Distinct(StringComparer.Ordinal))}); one path is read by one provider's reader"
            );
        return problems;
    }

    internal static bool TryResolveHost(string? host, out IPAddress address)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            address = IPAddress.Loopback;
            return true;
        }

        return IPAddress.TryParse(host, out address!);
    }

    // RFC 9110 token characters; anything else could never arrive as a header name.
    private static bool IsToken(string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal));
}
