using System.Diagnostics;
using System.Text;

namespace CallHooks.Conformance.Tests.Support;

/// <summary>The built <c>callhooks.dll</c> run as a real child process, for what only a process has: signals and exit codes.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private CliProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => process.Id;

    public int ExitCode => process.ExitCode;

    /// <summary>
    /// Whether the child starts with SIGINT at its default through coreutils' <c>env --default-signal</c>. A test run
    /// started as a background job of a script inherits SIGINT ignored, and the runtime then leaves it ignored: the
    /// child would never see the Ctrl-C these tests send, though a user's terminal delivers it. env execs the CLI in
    /// its own process, so the signals still go to the CLI's process id.
    /// </summary>
    private static bool ResetsSigint => SigintReset.Value;

    private static readonly Lazy<bool> SigintReset = new(() =>
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/env"))
            return false;
        using var probe = Process.Start(
            new ProcessStartInfo("/usr/bin/env", ["--default-signal=INT", "true"]) { UseShellExecute = false, RedirectStandardError = true }
        );
        probe!.WaitForExit();
        return probe.ExitCode == 0;
    });

    /// <summary>The CLI built next to this test build (same configuration), not a copy in the test folder.</summary>
    public static string Dll
    {
        get
        {
            var configuration = new DirectoryInfo(TestContext.CurrentContext.TestDirectory).Parent!.Name;
            return Path.Combine(RepoPaths.Root, "src", "CallHooks.Conformance.Cli", "bin", configuration, "net10.0", "callhooks.dll");
        }
    }

    public static CliProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo(ResetsSigint ? "/usr/bin/env" : "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        if (ResetsSigint)
        {
            start.ArgumentList.Add("--default-signal=INT");
            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add(Dll);
        foreach (var argument in args)
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return new CliProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>Sends a POSIX signal with /bin/kill, exactly as a shell or a CI runner would.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("/bin/kill", ["-" + signal, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.That(kill.ExitCode, Is.Zero, "kill -" + signal);
    }

    /// <summary>Waits for the process to end; a bounded wait, so a hang fails the test instead of the suite.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            process.WaitForExit();
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public string Output()
    {
        lock (output)
            return output.ToString();
    }

    public void Dispose()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.AppendLine(line);
    }
}
