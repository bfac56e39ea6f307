using System.Diagnostics;
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
    /// <summary>
    /// Waits until exactly <paramref name="delay"/> after arrival: timers overshoot by a millisecond or more, so the
    /// timer stops 3 ms short and the rest is yielded away on the clock.
    /// </summary>
    private static async Task HoldAsync(long arrived, TimeSpan delay, CancellationToken cancellationToken)
    {
        var coarse = delay - TimeSpan.FromMilliseconds(3);
        if (coarse > TimeSpan.Zero)
            await Task.Delay(coarse, cancellationToken);
        while (Stopwatch.GetElapsedTime(arrived) < delay)
            Thread.Yield();
    }

    public static async Task RunAsync(int port, TimeSpan delay, CancellationToken stop)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, port));
        await using var app = builder.Build();
        var ok = "ok"u8.ToArray();
        app.Run(async context =>
        {
            var arrived = Stopwatch.GetTimestamp();
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            if (delay > TimeSpan.Zero)
                await HoldAsync(arrived, delay, context.RequestAborted);
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
