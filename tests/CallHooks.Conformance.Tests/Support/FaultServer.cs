using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CallHooks.Conformance.Tests.Support;

/// <summary>
/// A raw TCP "listener" on loopback that reads each HTTP request and then misbehaves as scripted: what no
/// real HTTP server library will do on purpose (reset mid-body, answer garbage, never finish a chunked body).
/// </summary>
internal sealed class FaultServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly Func<FaultConnection, Task> answer;
    private readonly Task accepting;
    private int requests;
    private int connections;

    private FaultServer(Func<FaultConnection, Task> answer)
    {
        this.answer = answer;
        listener.Start();
        accepting = AcceptLoopAsync();
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/hook");

    /// <summary>Requests read completely (head and Content-Length body) before the fault was played.</summary>
    public int Requests => Volatile.Read(ref requests);

    /// <summary>TCP connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref connections);

    public static FaultServer Start(Func<FaultConnection, Task> answer) => new(answer);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped while accepting.
        }

        stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stopping.Token);
            Interlocked.Increment(ref connections);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                while (await ReadRequestAsync(stream, stopping.Token))
                {
                    var index = Interlocked.Increment(ref requests) - 1;
                    var connection = new FaultConnection(client.Client, stream, index, stopping.Token);
                    await answer(connection);
                    if (connection.Closed)
                        return;
                }
            }
            catch (Exception exception)
                when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away or the server stopped: both are expected in fault tests.
            }
        }
    }

    /// <summary>Reads one request (head plus Content-Length body); false when the client closed first.</summary>
    private static async Task<bool> ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(received))
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
                return false;
            received.Add(one[0]);
        }

        var head = Encoding.Latin1.GetString(received.ToArray());
        var lengthLine = head.Split("\r\n").FirstOrDefault(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var length = lengthLine is null
            ? 0
            : int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, cancellationToken);
        return true;
    }

    private static bool EndsWithBlankLine(List<byte> bytes) =>
        bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n';
}

/// <summary>One accepted request's connection, handed to the fault script.</summary>
internal sealed class FaultConnection(Socket socket, NetworkStream stream, int index, CancellationToken stopping)
{
    public NetworkStream Stream { get; } = stream;

    /// <summary>Zero-based number of the request on this server, across connections.</summary>
    public int Index { get; } = index;

    public CancellationToken Stopping { get; } = stopping;

    public bool Closed { get; private set; }

    public Task WriteAsync(string text) => Stream.WriteAsync(Encoding.ASCII.GetBytes(text), Stopping).AsTask();

    /// <summary>Closes with a TCP RST instead of a FIN, as a crashed process or a firewall does.</summary>
    public void Reset()
    {
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
        Closed = true;
    }

    /// <summary>An orderly close (FIN) after whatever was written.</summary>
    public void Close()
    {
        socket.Shutdown(SocketShutdown.Both);
        Closed = true;
    }
}
