using System.Diagnostics;
using System.Text.Json.Nodes;

namespace CallHooks.Conformance.Tests.Support;

/// <summary>
/// Runs one of the scripts in tests/verifiers (node's, or php's) over a batch: one JSON request per line in, one JSON
/// answer per line out, in order. One process per batch, so thousands of generated cases cost one start.
/// </summary>
internal static class NodeBatch
{
    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "verifiers");

    public static async Task<IReadOnlyList<JsonNode>> RunAsync(
        string script,
        IReadOnlyList<JsonObject> requests,
        string interpreter = "node"
    )
    {
        var start = new ProcessStartInfo(interpreter)
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{interpreter} did not start");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"{interpreter} not found (./run.sh test installs node's and php's tools): {exception.Message}",
                exception
            );
        }

        using var started = process;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        foreach (var request in requests)
            await process.StandardInput.WriteLineAsync(request.ToJsonString());
        process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(deadline.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{interpreter} {script} exited {process.ExitCode}: {await errors}");
        var answers = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!).ToList();
        if (answers.Count != requests.Count)
            throw new InvalidOperationException($"{interpreter} {script} answered {answers.Count} of {requests.Count} requests");
        return answers;
    }
}
