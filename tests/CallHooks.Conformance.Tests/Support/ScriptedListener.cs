using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CallHooks.Conformance.Tests.Support;

/// <summary>
/// A listener for tests that answers as scripted (a status, a delay, a body, an auth demand) and records
/// every request it gets. It stands in for a user's listener, broken in the ways the tests need.
/// </summary>
internal sealed class ScriptedListener : IAsyncDisposable
{
    private readonly WebApplication app;

    private ScriptedListener(WebApplication app, Uri baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static Task<ScriptedListener> StartAsync(Func<HttpContext, Task> respond) => StartAsync((_, context) => respond(context));

    /// <summary>A listener whose answer depends on what arrived: <paramref name="status"/> reads the recorded request.</summary>
    public static Task<ScriptedListener> JudgingAsync(Func<RecordedRequest, int> status) =>
        StartAsync(
            (request, context) =>
            {
                context.Response.StatusCode = status(request);
                return Task.CompletedTask;
            }
        );

    public static async Task<ScriptedListener> StartAsync(Func<RecordedRequest, HttpContext, Task> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        ScriptedListener? self = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var request = new RecordedRequest(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(
                    header => header.Key,
                    header => header.Value.ToString(),
                    StringComparer.OrdinalIgnoreCase
                ),
                body
            );
            self!.Requests.Enqueue(request);
            await respond(request, context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new ScriptedListener(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/hook"));
        return self;
    }

    public static Task<ScriptedListener> AnsweringAsync(int status, string body = "") =>
        StartAsync(async context =>
        {
            context.Response.StatusCode = status;
            if (body.Length > 0)
                await context.Response.WriteAsync(body);
        });

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

internal sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);
