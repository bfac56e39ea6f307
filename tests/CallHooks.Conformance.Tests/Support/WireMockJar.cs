using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CallHooks.Conformance.Tests.Support;

/// <summary>
/// WireMock's standalone jar (from the npm package <c>wiremock</c>, installed under tests/.tools by run.sh) as a
/// child process on a free loopback port: an independent HTTP server with real fault injection, for the faults
/// WireMock.Net in process cannot produce (Delivery/WireMockJarFaultTests).
/// </summary>
internal sealed class WireMockJar : IAsyncDisposable
{
    private static readonly TimeSpan StartupDeadline = TimeSpan.FromSeconds(60);
    private readonly Process process;
    private readonly HttpClient admin;
    private readonly StringBuilder output = new();

    private WireMockJar(Process process, Uri baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
        admin = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(10) };
    }

    public Uri BaseUrl { get; }

    public static string ToolsFolder => Path.Combine(RepoPaths.Root, "tests", ".tools");

    public static async Task<WireMockJar> StartAsync()
    {
        var jar = FindJar() ?? await InstallAsync();
        var port = FreePort();
        var start = new ProcessStartInfo("java")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (
            var argument in new[]
            {
                "-jar",
                jar,
                "--port",
                port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--bind-address",
                "127.0.0.1",
                "--disable-banner",
            }
        )
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("java did not start");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException(
                "java not found (./run.sh test installs default-jre-headless): " + exception.Message,
                exception
            );
        }

        var server = new WireMockJar(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, line) => server.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => server.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilHealthyAsync();
        return server;
    }

    /// <summary>Adds a stub through the admin API (<c>POST /__admin/mappings</c>).</summary>
    public async Task StubAsync(string mappingJson)
    {
        using var content = new StringContent(mappingJson, Encoding.UTF8, "application/json");
        using var response = await admin.PostAsync(new Uri("__admin/mappings", UriKind.Relative), content);
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        admin.Dispose();
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.AppendLine(line);
    }

    private async Task WaitUntilHealthyAsync()
    {
        // Poll the admin endpoint until it answers, with a bounded deadline: the JVM's start time varies with load.
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartupDeadline)
        {
            if (process.HasExited)
                break;
            try
            {
                using var response = await admin.GetAsync(new Uri("__admin/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        string log;
        lock (output)
            log = output.ToString();
        await DisposeAsync();
        throw new InvalidOperationException($"WireMock did not become healthy within {StartupDeadline.TotalSeconds} s:\n{log}");
    }

    private static string? FindJar()
    {
        var build = Path.Combine(ToolsFolder, "node_modules", "wiremock", "build");
        return Directory.Exists(build)
            ? Directory.EnumerateFiles(build, "wiremock-standalone-*.jar").Order(StringComparer.Ordinal).LastOrDefault()
            : null;
    }

    /// <summary>Installs the npm package when a plain <c>dotnet test</c> runs before <c>./run.sh test</c> ever did.</summary>
    private static async Task<string> InstallAsync()
    {
        Directory.CreateDirectory(ToolsFolder);
        var start = new ProcessStartInfo("npm")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "install", "--no-audit", "--no-fund", "--prefix", ToolsFolder, "wiremock" })
            start.ArgumentList.Add(argument);
        using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm did not start");
        var stderr = npm.StandardError.ReadToEndAsync();
        await npm.StandardOutput.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await npm.WaitForExitAsync(limit.Token);
        return FindJar() ?? throw new InvalidOperationException($"npm install wiremock into {ToolsFolder} failed: {await stderr}");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
