using System.Text.Json;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Packages;

/// <summary>
/// What users install is what is tested: the packages <c>./run.sh pack</c> wrote to artifacts/ (./run.sh test packs
/// them first), each restored into a package folder of its own so no earlier build of the same version is used. The
/// tool is installed to a tool path and run from an empty folder; the sample listener's NUnit tests run in process from
/// the NUnit package, passing for the listener and failing with callhooks' message for its broken variant.
/// </summary>
[NonParallelizable]
public sealed class ShippedPackagesTests
{
    private static string Artifacts => Path.Combine(RepoPaths.Root, "artifacts");

    private static string Version => RepoPaths.PackageVersion;

    private string scratch = "";

    [SetUp]
    public void SetUp()
    {
        var packages = new[]
        {
            "CallHooks.Conformance",
            "CallHooks.Conformance.Reporting",
            "CallHooks.Conformance.NUnit",
            "CallHooks.Conformance.Cli",
        };
        foreach (var id in packages)
        {
            if (!File.Exists(Path.Combine(Artifacts, $"{id}.{Version}.nupkg")))
                Assert.Fail($"artifacts/{id}.{Version}.nupkg is missing: ./run.sh pack writes the packages (./run.sh test does it first)");
        }

        scratch = Directory.CreateTempSubdirectory("callhooks-packages-").FullName;
    }

    [TearDown]
    public void TearDown()
    {
        if (scratch.Length > 0)
            Directory.Delete(scratch, recursive: true);
    }

    [Test]
    public async Task The_tool_installed_from_its_package_plays_the_shipped_suite_from_an_empty_folder()
    {
        var tools = Path.Combine(scratch, "tools");
        var empty = Directory.CreateDirectory(Path.Combine(scratch, "empty")).FullName;
        var isolated = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(scratch, "nuget") };
        var install = await ChildProcess.RunAsync(
            "dotnet",
            ["tool", "install", "CallHooks.Conformance.Cli", "--version", Version, "--tool-path", tools, "--add-source", Artifacts],
            scratch,
            isolated
        );
        Assert.That(install.ExitCode, Is.Zero, install.Output);

        var run = await ChildProcess.RunAsync(Path.Combine(tools, "callhooks"), ["run", "--seed", "42"], empty, isolated);

        Assert.That(run.ExitCode, Is.Zero, run.Output);
        Assert.That(run.Output, Does.Contain("7 scenarios: 7 passed, 0 failed").Or.Contain("7 passed, 0 failed"));
        using var results = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(empty, "reports", "latest", "results.json")));
        Assert.That(results.RootElement.GetProperty("summary").GetProperty("passed").GetInt32(), Is.EqualTo(7));
        Assert.That(File.Exists(Path.Combine(empty, "reports", "latest", "report.html")), Is.True);
    }

    [Test]
    public async Task The_sample_s_tests_from_the_nunit_package_pass_for_the_listener_and_fail_with_callhooks_message_for_its_broken_variant()
    {
        var sample = Path.Combine(RepoPaths.Root, "samples", "InCallListener.Tests");
        var packages = Path.Combine(scratch, "nuget");
        var restore = await ChildProcess.RunAsync("dotnet", ["restore", sample, "--packages", packages], scratch);
        Assert.That(restore.ExitCode, Is.Zero, restore.Output);

        var correct = await ChildProcess.RunAsync("dotnet", ["test", sample, "--no-restore"], scratch);
        Assert.That(correct.ExitCode, Is.Zero, correct.Output);
        Assert.That(correct.Output, Does.Match(@"Passed!\s+-\s+Failed:\s+0, Passed:\s+\d+"));

        var broken = await ChildProcess.RunAsync(
            "dotnet",
            ["test", sample, "--no-restore", "--no-build"],
            scratch,
            new Dictionary<string, string> { ["Listener__Broken"] = "true" }
        );
        Assert.That(broken.ExitCode, Is.Not.Zero, broken.Output);
        Assert.That(broken.Output, Does.Contain("Failed myoperator-incall/incoming-answered"));
        Assert.That(broken.Output, Does.Contain("expected status 2xx, got 500 Internal Server Error"));
        Assert.That(
            broken.Output,
            Does.Contain("replay: callhooks run ").And.Contain("--provider myoperator-incall --scenario incoming-answered")
        );
        Assert.That(broken.Output, Does.Not.Contain("s3cret"), "the Basic password is masked in the message");
    }
}
