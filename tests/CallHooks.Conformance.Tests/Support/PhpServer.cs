using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CallHooks.Conformance.Tests.Support;

/// <summary>
/// PHP's built-in web server (<c>php -S</c>, from Debian's php-cli, installed by ./run.sh test) serving one script on a
/// free loopback port: a listener as MyOperator's own sample is written, in the language that wrote it.
/// </summary>
internal sealed class PhpServer : IAsyncDisposable
{
    private static readonly TimeSpan StartupDeadline = TimeSpan.FromSeconds(20);
    private readonly Process process;
    private readonly string folder;

    private PhpServer(Process process, string folder, Uri baseUrl)
    {
        this.process = process;
        this.folder = folder;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<PhpServer> StartAsync(string script)
    {
        var folder = Directory.CreateTempSubdirectory("callhooks-php-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "listener.php"), script);
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo("php")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (var argument in new[] { "-S", $"127.0.0.1:{port}", "listener.php" })
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("php did not start");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("php not found (./run.sh test installs php-cli): " + exception.Message, exception);
        }

        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PhpServer(process, folder, new Uri($"http://127.0.0.1:{port}/"));
        await server.WaitUntilListeningAsync(port);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Connects until the server accepts, within the deadline: a process takes its own time to bind.</summary>
    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < StartupDeadline && !process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }
}
