using System.Diagnostics;
using System.Net;

namespace LoadBench;

/// <summary>
/// The yardstick: <c>concurrency</c> workers each sending the same prepared body with one shared HttpClient as fast
/// as answers come, and doing nothing else. No scheduling, generation, checking or recording.
/// </summary>
internal static class BareLoop
{
    public sealed record Result(long Requests, long Failed, double Seconds);

    public static async Task<Result> RunAsync(Uri url, byte[] body, string contentType, int concurrency, int count, CancellationToken stop)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, UseCookies = false, AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None, MaxConnectionsPerServer = Math.Max(256, concurrency) });
        long next = 0;
        long failed = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) <= count && !stop.IsCancellationRequested)
            {
                using var content = new ByteArrayContent(body);
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                using var response = await client.PostAsync(url, content, stop);
                await response.Content.ReadAsByteArrayAsync(stop);
                if (!response.IsSuccessStatusCode)
                    Interlocked.Increment(ref failed);
            }
        }, stop)).ToArray();
        await Task.WhenAll(workers);
        return new Result(Math.Min(count, Interlocked.Read(ref next)), failed, clock.Elapsed.TotalSeconds);
    }
}
