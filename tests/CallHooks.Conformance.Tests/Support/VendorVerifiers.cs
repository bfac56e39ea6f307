using System.Text.Json.Nodes;

namespace CallHooks.Conformance.Tests.Support;

/// <summary>
/// The providers' own verifier libraries (npm <c>twilio</c> and <c>standardwebhooks</c>, installed under tests/verifiers by
/// run.sh), run by node over a batch of requests: code nobody here wrote judges what callhooks signs.
/// </summary>
internal static class VendorVerifiers
{
    private static string Folder => NodeBatch.Folder;

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

        var answers = await NodeBatch.RunAsync("verify.mjs", requests);
        var verdicts = answers
            .Select(verdict => verdict["ok"]!.GetValue<bool>() ? null : verdict["error"]?.GetValue<string>() ?? "rejected")
            .ToList();
        Assert.That(verdicts, Has.Count.EqualTo(requests.Count), "one verdict per request");
        return verdicts;
    }
}
