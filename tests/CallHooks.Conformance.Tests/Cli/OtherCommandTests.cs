using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Cli;

public sealed class OtherCommandTests
{
    [Test]
    public async Task List_shows_providers_events_scenarios_and_query_fields()
    {
        var run = await CliRun.InvokeAsync("list", "--scenarios", RepoPaths.Scenarios);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        Assert.That(run.Out, Does.Contain("myoperator-incall: "));
        Assert.That(run.Out, Does.Contain("incoming-answered").And.Contain("1 -> 5 -> 6 -> 2"));
        Assert.That(run.Out, Does.Contain("clid             Caller number with country code"));
        Assert.That(run.Out, Does.Contain("9      no user picked the call (click to call)"));
    }

    [Test]
    public async Task Validate_accepts_the_shipped_scenarios()
    {
        var run = await CliRun.InvokeAsync("validate", RepoPaths.Scenarios);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        // Every provider's shipped files, not just MyOperator's: validate reads the whole folder.
        var shipped = Directory
            .GetFiles(RepoPaths.Scenarios, "*.json", SearchOption.AllDirectories)
            .Count(file => !file.EndsWith("scenario.schema.json", StringComparison.Ordinal));
        Assert.That(run.Out, Does.Contain($"{shipped} valid, 0 invalid"));
    }

    [Test]
    public async Task Validate_locates_problems_and_exits_2()
    {
        var file = Path.Combine(Path.GetTempPath(), $"callhooks-bad-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(
            file,
            "{ \"name\": \"x\", \"provider\": \"myoperator-incall\", \"call\": { \"type\": \"incoming\", \"outcome\": \"won\" }, \"events\": [] }"
        );
        try
        {
            var run = await CliRun.InvokeAsync("validate", file, "/no/such.json");
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
            Assert.That(run.Error, Does.Contain($"{file}:1:"));
            Assert.That(run.Error, Does.Contain("/no/such.json: file not found"));
            Assert.That(run.Out, Does.Contain("2 file(s): 0 valid, 2 invalid"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [TestCase("run")]
    [TestCase("list")]
    [TestCase("serve")]
    [TestCase("validate")]
    public async Task Every_command_has_help(string command)
    {
        var run = await CliRun.InvokeAsync(command, "--help");
        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Out, Does.Contain("Usage:").And.Contain(command));
    }

    [Test]
    public async Task Validate_without_a_path_is_a_usage_error()
    {
        var run = await CliRun.InvokeAsync("validate");
        Assert.That(run.ExitCode, Is.EqualTo(2));
    }
}
