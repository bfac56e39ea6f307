using CallHooks.Conformance.Cli;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Cli;

/// <summary>
/// Inside GitHub Actions a run appends report.md to the job summary and annotates each failure; the variables are
/// given as a runner sets them, the summary a temporary file.
/// </summary>
public sealed class GitHubActionsTests
{
    [Test]
    public async Task In_github_actions_failures_become_annotations_with_the_replay_and_report_md_goes_to_the_job_summary()
    {
        await using var server = FaultServer.Start(Faults.ServiceUnavailable);
        var summary = Path.GetTempFileName();
        var environment = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary };

        var (exit, output) = await RunAsync(server.Url, environment.GetValueOrDefault);

        Assert.That(exit, Is.EqualTo(1), output);
        var annotations = output.Split('\n').Where(line => line.StartsWith("::", StringComparison.Ordinal)).ToList();
        Assert.That(
            annotations,
            Has.Some.StartsWith(
                "::error title=callhooks myoperator-incall/incoming-answered::myoperator-incall/incoming-answered: 4 of 4 deliveries failed; event "
            )
        );
        Assert.That(annotations, Has.Some.StartsWith("::error title=CORE-001 (MUST) myoperator-incall/incoming-answered::"));
        Assert.That(annotations, Has.All.Contain("%0Areplay: callhooks run --target "), "each carries its replay, on a line of its own");
        Assert.That(annotations, Has.All.Contain("--scenario incoming-answered"));
        Assert.That(annotations, Has.None.Contain("\r"));
        var markdown = await File.ReadAllTextAsync(summary);
        Assert.That(markdown, Does.StartWith("## ❌ callhooks: 1 of 1 scenario failed").And.Contain("503"));
        File.Delete(summary);
    }

    [Test]
    public async Task Outside_github_actions_nothing_is_annotated()
    {
        await using var server = FaultServer.Start(Faults.ServiceUnavailable);
        var (exit, output) = await RunAsync(server.Url, _ => null);
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(output, Does.Not.Contain("::error"));
    }

    private static async Task<(int Exit, string Output)> RunAsync(Uri target, Func<string, string?> environment)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(output, error) { Environment = environment };
        var folder = Directory.CreateTempSubdirectory("callhooks-gha-").FullName;
        var exit = await CallhooksApp.RunAsync(
            ["run", "--target", target.AbsoluteUri, "--scenario", "incoming-answered", "--seed", "7", "--out", folder],
            console,
            CancellationToken.None
        );
        return (exit, output.ToString());
    }
}
