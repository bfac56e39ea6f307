using System.Net;

namespace CallHooks.Conformance.Delivery;

/// <summary>
/// The HTTP client of conformance runs, configured as a provider's would be: no redirects (providers record a 3xx,
/// they do not follow it), no cookies, no proxy, no automatic decompression, a fresh connection per webhook, and
/// timeouts enforced per request by the dispatcher rather than by the client. Load runs use
/// <see cref="KeepAlive.KeepAliveClient"/> instead.
/// </summary>
public static class HttpClientFactory
{
    public static HttpClient Create(TimeSpan connectTimeout) => Create(connectTimeout, TlsTrust.System);

    /// <param name="connectTimeout">How long a TCP (and TLS) connect may take.</param>
    /// <param name="trust">Which server certificates an https target may present.</param>
    public static HttpClient Create(TimeSpan connectTimeout, TlsTrust trust)
    {
        ArgumentNullException.ThrowIfNull(trust);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = connectTimeout,
            // A connection per webhook: a pooled connection the listener closed without answering would be retried
            // silently by the handler, delivering the webhook twice unrecorded.
            PooledConnectionLifetime = TimeSpan.Zero,
            // No traceparent/tracestate headers, whatever tracing the host process has on: the wire carries what the
            // provider sends and nothing else (this also takes the diagnostics stage out of every send).
            ActivityHeadersPropagator = null,
        };
        // The tap describes what came over a connection for the request that opened it: every request's, here.
        handler.PlaintextStreamFilter = TapFilter;
        if (trust.Callback() is { } callback)
            handler.SslOptions.RemoteCertificateValidationCallback = callback;
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private static ValueTask<Stream> TapFilter(SocketsHttpPlaintextStreamFilterContext context, CancellationToken cancellationToken)
    {
        if (!context.InitialRequestMessage.Options.TryGetValue(WireTap.Key, out var tap))
            return ValueTask.FromResult(context.PlaintextStream);
        tap.Attached = true;
        return ValueTask.FromResult<Stream>(new TappedStream(context.PlaintextStream, tap));
    }
}
