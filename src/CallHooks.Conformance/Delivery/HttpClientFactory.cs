using System.Net;

namespace CallHooks.Conformance.Delivery;

/// <summary>
/// The one HTTP client configuration a provider would use: no redirects (providers record a 3xx, they do
/// not follow it), no cookies, no proxy, no automatic decompression, and timeouts enforced per request by
/// the dispatcher rather than by the client.
/// </summary>
public static class HttpClientFactory
{
    public static HttpClient Create(TimeSpan connectTimeout, int maxConnections = 256)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = connectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            MaxConnectionsPerServer = maxConnections,
        };
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
