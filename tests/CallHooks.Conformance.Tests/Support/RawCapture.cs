using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CallHooks.Conformance.Tests.Support;

/// <summary>
/// A bare TCP server that captures the exact bytes of one HTTP request and answers a fixed raw response.
/// Nothing parses the request on the way in, so what it holds is precisely what went on the wire.
/// </summary>
internal sealed class RawCapture : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);

    public RawCapture() => listener.Start();

    public Uri BaseUrl => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

    /// <summary>Accepts one connection, reads one request (head plus Content-Length body), answers <paramref name="response"/>.</summary>
    public async Task<byte[]> CaptureOneAsync(string response = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var client = await listener.AcceptTcpClientAsync(timeout.Token);
        var stream = client.GetStream();
        var received = new MemoryStream();
        var buffer = new byte[8192];
        while (!IsComplete(received.ToArray()))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
                break;
            received.Write(buffer, 0, read);
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(response), timeout.Token);
        return received.ToArray();
    }

    /// <summary>
    /// Captures every request that arrives, one per connection (each answered 200 with <c>Connection: close</c>, so a
    /// keep-alive client opens a new one), until <paramref name="stop"/> is cancelled or this is disposed.
    /// </summary>
    /// <param name="body">The body of every answer.</param>
    public async Task<IReadOnlyList<byte[]>> CaptureAllAsync(CancellationToken stop, string body = "ok")
    {
        var answer = Encoding.UTF8.GetBytes(
            $"HTTP/1.1 200 OK\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}"
        );
        var captured = new List<byte[]>();
        try
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync(stop);
                var stream = client.GetStream();
                var received = new MemoryStream();
                var buffer = new byte[8192];
                while (!IsComplete(received.ToArray()))
                {
                    var read = await stream.ReadAsync(buffer, stop);
                    if (read == 0)
                        break;
                    received.Write(buffer, 0, read);
                }

                captured.Add(received.ToArray());
                await stream.WriteAsync(answer, stop);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: everything captured so far is the answer.
        }

        return captured;
    }

    public void Dispose() => listener.Dispose();

    private static bool IsComplete(byte[] bytes)
    {
        var text = Encoding.Latin1.GetString(bytes);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
            return false;
        var lengthLine = text[..end]
            .Split("\r\n")
            .FirstOrDefault(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var length = lengthLine is null
            ? 0
            : int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        return bytes.Length >= end + 4 + length;
    }
}
