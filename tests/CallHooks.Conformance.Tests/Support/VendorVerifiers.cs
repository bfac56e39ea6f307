using System.Diagnostics;
using System.Text.Json.Nodes;

namespace CallHooks.Conformance.Tests.Support;

/// <summary>
/// The providers' own verifier libraries (npm <c>twilio</c> and <c>standardwebhooks</c>, installed under tests/verifiers by
/// run.sh), run by node over a batch of requests: code nobody here wrote judges what callhooks signs.
/// </summary>
internal static class VendorVerifiers
{
    private static string Folder => Path.Combine(RepoPaths.Root, "tests", "verifiers");

    /// <summary>One verdict per request, in order: null when the library accepted it, else its reason.</summary>
    public static async Task<IReadOnlyList<string?>> JudgeAsync(IReadOnlyList<JsonObject> requests)
    {
        if (
            !Directory.Exists(Path.Combine(Folder, "node_modules", "twilio"))
            || !Directory.Exists(Path.Combine(Folder, "node_modules", "standardwebhooks"))
        )
            Assert.Fail(
                "the verifier libraries are not installed in tests/verifiers/node_modules; ./run.sh test installs them (npm ci --prefix tests/verifiers)"
            );

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("verify.mjs");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        foreach (var request in requests)
            await process.StandardInput.WriteLineAsync(request.ToJsonString());
        process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(deadline.Token);
        Assert.That(process.ExitCode, Is.Zero, await errors);

        var verdicts = (await output)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line)!)
            .Select(verdict => verdict["ok"]!.GetValue<bool>() ? null : verdict["error"]?.GetValue<string>() ?? "rejected")
            .ToList();
        Assert.That(verdicts, Has.Count.EqualTo(requests.Count), "one verdict per request");
        return verdicts;
    }
}
