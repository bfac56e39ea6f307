using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace LoadBench;

/// <summary>
/// The cheapest listener Kestrel can be: reads and discards the body, optionally waits exactly the given delay,
/// answers 200 "ok". It prints its URL on the first line so scripts can find the port.
/// </summary>
internal static class TrivialListener
{
    public static async Task RunAsync(int port, TimeSpan delay, CancellationToken stop)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, port));
        await using var app = builder.Build();
        var ok = "ok"u8.ToArray();
        app.Run(async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            if (delay > TimeSpan.Zero)
                await Task.Delay(delay, context.RequestAborted);
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentLength = ok.Length;
            await context.Response.Body.WriteAsync(ok, context.RequestAborted);
        });
        await app.StartAsync(stop);
        Console.WriteLine(app.Urls.First());
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C or SIGTERM: stop quietly.
        }

        await app.StopAsync(CancellationToken.None);
    }
}
