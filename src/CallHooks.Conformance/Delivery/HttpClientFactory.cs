using System.Net;

namespace CallHooks.Conformance.Delivery;

/// <summary>
/// The one HTTP client configuration a provider would use: no redirects (providers record a 3xx, they do
/// not follow it), no cookies, no proxy, no automatic decompression, no connection reuse (so no silent
/// retries), and timeouts enforced per request by the dispatcher rather than by the client.
/// </summary>
public static class HttpClientFactory
{
    public static HttpClient Create(TimeSpan connectTimeout) => Create(connectTimeout, TlsTrust.System);

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
            // A fresh connection per webhook, as most providers open one: a pooled connection that the listener closed
            // without answering would be retried silently by the handler, delivering the webhook twice unrecorded.
            PooledConnectionLifetime = TimeSpan.Zero,
            MaxConnectionsPerServer = 256,
            // The dispatcher stops reading a body at its limit; draining the rest to reuse the connection would
            // read a 50 MB answer after all. Closing the connection instead costs one reconnect.
            MaxResponseDrainSize = 0,
        };
        handler.PlaintextStreamFilter = (context, _) =>
        {
            if (!context.InitialRequestMessage.Options.TryGetValue(WireTap.Key, out var tap))
                return ValueTask.FromResult(context.PlaintextStream);
            tap.Attached = true;
            return ValueTask.FromResult<Stream>(new TappedStream(context.PlaintextStream, tap));
        };
        if (trust.Callback() is { } callback)
            handler.SslOptions.RemoteCertificateValidationCallback = callback;
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
