using System.Net;

namespace CallHooks.Conformance.Delivery;

/// <summary>
/// The one HTTP client configuration a provider would use: no redirects (providers record a 3xx, they do
/// not follow it), no cookies, no proxy, no automatic decompression, no connection reuse in conformance runs
/// (so no silent retries), and timeouts enforced per request by the dispatcher rather than by the client.
/// </summary>
public static class HttpClientFactory
{
    public static HttpClient Create(TimeSpan connectTimeout) => Create(connectTimeout, TlsTrust.System);

    /// <param name="connectTimeout">How long a TCP (and TLS) connect may take.</param>
    /// <param name="trust">Which server certificates an https target may present.</param>
    /// <param name="maxConnections">Connections per target at most (load mode sets its concurrency cap).</param>
    /// <param name="reuseConnections">
    /// Conformance runs open a fresh connection per webhook: a pooled connection the listener closed without answering
    /// would be retried silently by the handler, delivering the webhook twice unrecorded. Load runs keep connections
    /// alive, as a provider's client pool does, because a handshake per delivery would measure the harness, not the listener.
    /// </param>
    public static HttpClient Create(TimeSpan connectTimeout, TlsTrust trust, int maxConnections = 256, bool reuseConnections = false)
    {
        ArgumentNullException.ThrowIfNull(trust);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = connectTimeout,
            PooledConnectionLifetime = reuseConnections ? TimeSpan.FromMinutes(2) : TimeSpan.Zero,
            MaxConnectionsPerServer = maxConnections,
            // The dispatcher stops reading a body at its limit; draining the rest to reuse the connection would
            // read a 50 MB answer after all. Closing the connection instead costs one reconnect.
            MaxResponseDrainSize = 0,
            // No traceparent/tracestate headers, whatever tracing the host process has on: the wire carries what the
            // provider sends and nothing else (this also takes the diagnostics stage out of every send).
            ActivityHeadersPropagator = null,
        };
        // The tap describes what came over a connection for the request that opened it. Load runs reuse connections,
        // but a listener that cuts a response short closes its connection, so the next request opens a new one and is
        // tapped again: cut-short and garbage answers are told apart in load runs too.
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
