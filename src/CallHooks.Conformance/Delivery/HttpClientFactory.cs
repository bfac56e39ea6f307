using System.Net;

namespace CallHooks.Conformance.Delivery;

/// <summary>
/// The one HTTP client configuration a provider would use: no redirects (providers record a 3xx, they do
/// not follow it), no cookies, no proxy, no automatic decompression, and timeouts enforced per request by
/// the dispatcher rather than by the client.
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
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            MaxConnectionsPerServer = 256,
            // The dispatcher stops reading a body at its limit; draining the rest to reuse the connection would
            // read a 50 MB answer after all. Closing the connection instead costs one reconnect.
            MaxResponseDrainSize = 0,
        };
        if (trust.Callback() is { } callback)
            handler.SslOptions.RemoteCertificateValidationCallback = callback;
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
