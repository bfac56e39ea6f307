using System.Diagnostics;
using System.Text;

namespace CallHooks.Conformance.Tests.Support;

/// <summary>
/// Runs a program as a user would from a shell: in a folder of its own, with the environment a shell has (none of the
/// MSBuild and test-host variables <c>dotnet test</c> sets for itself), stdout and stderr together, bounded in time.
/// </summary>
internal static class ChildProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string program,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null
    )
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var name in start.Environment.Keys.ToList())
        {
            if (
                name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("DOTNET_HOST_PATH", StringComparison.Ordinal)
                || name.StartsWith("Listener__", StringComparison.Ordinal)
            )
                start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException(program + " did not start");
        var output = new StringBuilder();
        var reading = Task.WhenAll(Pump(process.StandardOutput), Pump(process.StandardError));
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in time:\n{output}");
        }

        await reading;
        return (process.ExitCode, output.ToString());

        async Task Pump(StreamReader reader)
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                lock (output)
                    output.AppendLine(line);
            }
        }
    }
}
