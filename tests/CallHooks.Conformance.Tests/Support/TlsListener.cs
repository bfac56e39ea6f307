using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CallHooks.Conformance.Tests.Support;

/// <summary>A Kestrel https listener on 127.0.0.1 with a given certificate that answers 200 "ok" to everything.</summary>
internal sealed class TlsListener : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> connections = new();
    private int requests;

    private TlsListener(WebApplication app) => this.app = app;

    public Uri Url { get; private set; } = null!;

    public int Requests => Volatile.Read(ref requests);

    /// <summary>Distinct TLS connections that carried a request.</summary>
    public int Connections => connections.Count;

    public static async Task<TlsListener> StartAsync(X509Certificate2 certificate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var self = new TlsListener(app);
        app.Run(async context =>
        {
            Interlocked.Increment(ref self.requests);
            self.connections.TryAdd(context.Connection.Id, true);
            await context.Response.WriteAsync("ok");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self.Url = new Uri(address + "/hook");
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
