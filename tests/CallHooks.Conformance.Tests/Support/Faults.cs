using System.Globalization;

namespace CallHooks.Conformance.Tests.Support;

/// <summary>Scripts for <see cref="FaultServer"/>: each one way a webhook listener can fail.</summary>
internal static class Faults
{
    public const long HugeBodyBytes = 50L * 1024 * 1024;

    /// <summary>Accepts the request, then closes without a single byte.</summary>
    public static Task EmptyReply(FaultConnection connection)
    {
        connection.Close();
        return Task.CompletedTask;
    }

    /// <summary>Starts a response, then resets the connection (RST) in the middle of the body.</summary>
    public static async Task ResetMidResponse(FaultConnection connection)
    {
        await connection.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"stat");
        await connection.Stream.FlushAsync(connection.Stopping);
        connection.Reset();
    }

    /// <summary>Answers bytes that are not an HTTP status line.</summary>
    public static async Task Malformed(FaultConnection connection)
    {
        await connection.WriteAsync("this is not http\r\n\r\n");
        connection.Close();
    }

    /// <summary>Starts the headers, then closes the connection in the middle of them.</summary>
    public static async Task CloseInHeaders(FaultConnection connection)
    {
        await connection.WriteAsync("HTTP/1.1 200 OK\r\nContent-Ty");
        await connection.Stream.FlushAsync(connection.Stopping);
        connection.Close();
    }

    /// <summary>Sends a few bytes that are not HTTP and no line end, then closes: only the bytes tell this from silence.</summary>
    public static async Task GarbageThenClose(FaultConnection connection)
    {
        await connection.WriteAsync("garbage");
        await connection.Stream.FlushAsync(connection.Stopping);
        connection.Close();
    }

    /// <summary>Sends the headers of a chunked response, then one small chunk after another, never the last one.</summary>
    public static async Task NeverEndingChunkedBody(FaultConnection connection)
    {
        await connection.WriteAsync("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        while (true)
        {
            await connection.WriteAsync("2\r\nok\r\n");
            await Task.Delay(20, connection.Stopping);
        }
    }

    /// <summary>Says nothing at all until the client gives up and leaves.</summary>
    public static async Task SilentUntilClientLeaves(FaultConnection connection)
    {
        var buffer = new byte[1];
        while (await connection.Stream.ReadAsync(buffer, connection.Stopping) > 0) { }

        connection.Close();
    }

    /// <summary>Sends its headers at once, then a 1000-byte body one byte every 20 ms (20 s in all).</summary>
    public static async Task TrickleBody(FaultConnection connection)
    {
        await connection.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n");
        for (var sent = 0; sent < 1000; sent++)
        {
            await connection.WriteAsync("x");
            await Task.Delay(20, connection.Stopping);
        }
    }

    public static Func<FaultConnection, Task> Redirect(Uri location) =>
        connection => connection.WriteAsync($"HTTP/1.1 302 Found\r\nLocation: {location.AbsoluteUri}\r\nContent-Length: 0\r\n\r\n");

    public static Task ServiceUnavailable(FaultConnection connection) =>
        connection.WriteAsync(
            "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 30\r\nContent-Type: text/plain\r\nContent-Length: 16\r\n\r\ndatabase is down"
        );

    public static Task BasicChallenge(FaultConnection connection) =>
        connection.WriteAsync(
            "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"crm\", charset=\"UTF-8\"\r\nContent-Length: 0\r\n\r\n"
        );

    public static Task Ok(FaultConnection connection) => connection.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");

    /// <summary>Declares and streams a 50 MB body as fast as the client reads it, counting what it managed to write.</summary>
    public static Func<FaultConnection, Task> HugeBody(ByteCounter written) =>
        async connection =>
        {
            await connection.WriteAsync(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {HugeBodyBytes}\r\n\r\n"
                )
            );
            var block = new byte[64 * 1024];
            Array.Fill(block, (byte)'z');
            while (Interlocked.Read(ref written.Bytes) < HugeBodyBytes)
            {
                await connection.Stream.WriteAsync(block, connection.Stopping);
                Interlocked.Add(ref written.Bytes, block.Length);
            }
        };
}

/// <summary>Bytes a fault script managed to write, read by the test afterwards.</summary>
internal sealed class ByteCounter
{
    public long Bytes;
}
