using CallHooks.Conformance.Listener.MyOperatorInCall;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CallHooks.Conformance.Listener;

/// <summary>
/// A webhook listener for MyOperator In-Call deliveries that checks what it receives: the harness's default target,
/// and what <c>callhooks serve</c> runs. It reads raw HTTP by itself and shares no types with the sender.
/// </summary>
public sealed class ReferenceListener : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly CallBook book;
    private readonly DownstreamPusher downstream;
    private int stopped;
    private int disposed;

    private ReferenceListener(WebApplication app, CallBook book, DownstreamPusher downstream, Uri baseUrl)
    {
        this.app = app;
        this.book = book;
        this.downstream = downstream;
        BaseUrl = baseUrl;
    }

    /// <summary>Where the listener answers, with the real port and a trailing slash, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>A snapshot of every call seen so far.</summary>
    public IReadOnlyCollection<CallRecord> Calls => book.Snapshot();

    /// <summary>Validates <paramref name="options"/>, binds, and returns once the listener accepts connections.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public static async Task<ReferenceListener> StartAsync(ListenerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        ListenerOptions.TryResolveHost(options.Host, out var address);

        var capacity = new CallCapacity(options.MaxCalls);
        var book = new CallBook(options.Clock, capacity);
        var log = new ListenerLog(options.Log);
        var faults = new ListenerFaults(options);
        var downstream = new DownstreamPusher(options.DownstreamUrl, log);
        var records = new RecordStore(options.Mode);
        var providers = ProviderEndpoints.Create(options, capacity, downstream);
        var webhook = new InCallEndpoint(
            book,
            faults,
            downstream,
            records,
            providers.Select(provider => provider.Provider).ToList(),
            usersAsList: options.ProviderOptions.GetValueOrDefault("users") == "comma"
        );
        var router = new RequestRouter(
            book,
            records,
            new AuthCheck(options),
            faults,
            webhook,
            log,
            providers,
            new Signing.StandardWebhooksCheck(options),
            new ListenerRoutes(options)
        );

        // The empty builder has no logging providers, configuration files or hosting startup: quiet and fast.
        var builder = WebApplication.CreateEmptyBuilder(
            new WebApplicationOptions { ApplicationName = typeof(ReferenceListener).Assembly.GetName().Name }
        );
        builder
            .WebHost.UseKestrelCore()
            .ConfigureKestrel(kestrel =>
            {
                kestrel.AddServerHeader = false;
                kestrel.Listen(address, options.Port);
            });
        builder.Services.AddSingleton<IHostLifetime, QuietLifetime>();
        var app = builder.Build();
        app.Run(router.HandleAsync);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new ReferenceListener(app, book, downstream, new Uri(bound.TrimEnd('/') + "/"));
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            await downstream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops accepting requests and lets requests in flight finish (or <paramref name="cancellationToken"/> cut them off).</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref stopped, 1) == 0)
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
            return;
        await StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);

        // After the server: requests in flight may still start pushes; each ends within its own short timeout.
        await downstream.DisposeAsync().ConfigureAwait(false);
    }
}
