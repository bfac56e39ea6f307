using System.Diagnostics;
using System.Net;
using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Delivery.Http1;
using CallHooks.Conformance.Wire;

namespace LoadBench;

/// <summary>
/// The yardstick: <c>concurrency</c> workers each sending the same prepared body as fast as answers come, and doing
/// nothing else. No scheduling, generation, checking or recording. Either with one shared HttpClient as anyone would
/// write it, or through the load run's own transport (<see cref="WebhookDispatcher.ForLoad"/>: its deadlines, response parsing
/// and observations), which tells the cost of sending apart from the cost of everything else the harness does.
/// </summary>
internal static class BareLoop
{
    public sealed record Result(long Requests, long Failed, double Seconds);

    public static async Task<Result> RunAsync(
        Uri url,
        byte[] body,
        string contentType,
        int concurrency,
        int count,
        bool viaTransport,
        CancellationToken stop
    )
    {
        using var client = new HttpClient(
            new SocketsHttpHandler
            {
                UseProxy = false,
                UseCookies = false,
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.None,
                MaxConnectionsPerServer = Math.Max(256, concurrency),
            }
        );
        using var transport = WebhookDispatcher.ForLoad(TimeSpan.FromSeconds(5), TlsTrust.System, TimeProvider.System);
        var request = new WebhookRequest
        {
            Method = "POST",
            Url = url,
            ContentType = contentType,
            Body = body,
        };
        long next = 0;
        long failed = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable
            .Range(0, concurrency)
            .Select(_ =>
                Task.Run(
                    async () =>
                    {
                        while (Interlocked.Increment(ref next) <= count && !stop.IsCancellationRequested)
                        {
                            if (!(viaTransport ? await SendThroughTransportAsync() : await SendPlainAsync()))
                                Interlocked.Increment(ref failed);
                        }
                    },
                    stop
                )
            )
            .ToArray();
        await Task.WhenAll(workers);
        return new Result(Math.Min(count, Interlocked.Read(ref next)), failed, clock.Elapsed.TotalSeconds);

        async Task<bool> SendPlainAsync()
        {
            using var content = new ByteArrayContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            using var response = await client.PostAsync(url, content, stop);
            await response.Content.ReadAsByteArrayAsync(stop);
            return response.IsSuccessStatusCode;
        }

        async Task<bool> SendThroughTransportAsync()
        {
            var observation = await transport.SendAsync(request, TimeSpan.FromSeconds(5), stop);
            return observation.Response is { Status: >= 200 and < 300 };
        }
    }
}
