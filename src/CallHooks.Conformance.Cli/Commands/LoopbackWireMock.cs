using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using WireMock.Logging;
using WireMock.Server;
using WireMock.Settings;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>
/// A WireMock.Net server as callhooks runs one (the mock CRM, <c>record</c>'s proxy): on 127.0.0.1 only (port 0 lets the
/// system pick, and WireMock.Net reports the port it got), silent, keeping no journal of its own (callhooks keeps what
/// it needs), and with one middleware of callhooks' ahead of WireMock.Net's, which sees every request as it came.
/// </summary>
internal static class LoopbackWireMock
{
    /// <param name="cannotListen">How a port that cannot be listened on is reported, e.g. <c>--port 9000: cannot listen</c>.</param>
    /// <param name="ahead">The middleware that runs before WireMock.Net's for every request.</param>
    /// <param name="configure">Settings of the caller's own on top.</param>
    /// <exception cref="UsageException">The port cannot be listened on (in use, say), in Kestrel's own words.</exception>
    public static WireMockServer Start(
        int port,
        string cannotListen,
        Func<HttpContext, Func<Task>, Task> ahead,
        Action<WireMockServerSettings>? configure = null
    )
    {
        var settings = new WireMockServerSettings
        {
            Urls = [$"http://127.0.0.1:{port}"],
            Logger = new WireMockNullLogger(),
            MaxRequestLogCount = 0,
            PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use(ahead),
        };
        configure?.Invoke(settings);
        try
        {
            return WireMockServer.Start(settings);
        }
        catch (WireMock.Exceptions.WireMockException e)
        {
            // Kestrel's words ("address already in use") sit inside WireMock.Net's wrapping.
            var reason = e.InnerException is AggregateException { InnerExceptions: [var first, ..] }
                ? first.Message
                : e.GetBaseException().Message;
            throw new UsageException($"{cannotListen} on 127.0.0.1:{port}: {reason}");
        }
    }
}
