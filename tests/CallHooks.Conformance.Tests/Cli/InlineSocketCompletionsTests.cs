using CallHooks.Conformance.Cli.Commands;

namespace CallHooks.Conformance.Tests.Cli;

/// <summary>Only a load run's process turns on inline socket completions; every other command keeps the default.</summary>
public sealed class InlineSocketCompletionsTests
{
    [TestCase(new[] { "run", "--calls", "100", "--rate", "50" }, true)]
    [TestCase(new[] { "run", "--rate=50", "--duration=5m" }, true)]
    [TestCase(new[] { "run", "--calls:10", "--rate", "5" }, true)]
    [TestCase(new[] { "run", "--target", "http://127.0.0.1:8080/hook" }, false)]
    [TestCase(new[] { "run", "--scenario", "--calls-like-name" }, false)]
    [TestCase(new[] { "serve", "--calls" }, false)]
    [TestCase(new string[0], false)]
    public void Only_a_load_run_is_recognised(string[] args, bool loadRun)
    {
        Assert.That(InlineSocketCompletions.IsLoadRun(args), Is.EqualTo(loadRun));
    }
}
