using System.Net;
using System.Text;
using CallHooks.Conformance.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>
/// The mock CRM (<c>--downstream-port</c>): a loopback endpoint that accepts anything the listener pushes,
/// answers 200, and keeps every request in a <see cref="DownstreamInbox"/> for rule SIDE-003 and the reports.
/// </summary>
internal sealed class DownstreamHost : IAsyncDisposable
{
    /// <summary>Bodies beyond this are cut: the CRM push is a small JSON, and the inbox must stay small.</summary>
    private const int MaxBody = 64 * 1024;

    private readonly WebApplication app;

    private DownstreamHost(WebApplication app, DownstreamInbox inbox)
    {
        this.app = app;
        Inbox = inbox;
    }

    public DownstreamInbox Inbox { get; }

    public static async Task<DownstreamHost> StartAsync(int port, TimeProvider time, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var inbox = new DownstreamInbox(time);
        app.Run(async context =>
        {
            var buffer = new byte[MaxBody];
            var filled = 0;
            int read;
            while (
                filled < buffer.Length && (read = await context.Request.Body.ReadAsync(buffer.AsMemory(filled), context.RequestAborted)) > 0
            )
                filled += read;
            inbox.Add(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                Encoding.UTF8.GetString(buffer, 0, filled)
            );
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"ok\":true}", context.RequestAborted);
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        inbox.Url = new Uri(address.TrimEnd('/') + "/crm");
        return new DownstreamHost(app, inbox);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
