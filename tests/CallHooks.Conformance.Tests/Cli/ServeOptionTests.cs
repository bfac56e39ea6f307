using CallHooks.Conformance.Cli.Commands;
using CallHooks.Conformance.Listener;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Cli;

/// <summary><c>callhooks serve --mode/--downstream</c>: kebab-case mode names, and exit 2 with every problem named.</summary>
public sealed class ServeOptionTests
{
    [TestCase(ListenerMode.Strict, "strict")]
    [TestCase(ListenerMode.AcceptsMissingAuth, "accepts-missing-auth")]
    [TestCase(ListenerMode.FailsDuplicates, "fails-duplicates")]
    [TestCase(ListenerMode.Slow, "slow")]
    [TestCase(ListenerMode.ServerErrorOnMalformed, "server-error-on-malformed")]
    [TestCase(ListenerMode.KeepsNoRecord, "keeps-no-record")]
    public void Mode_has_a_kebab_case_name_that_parses_back(ListenerMode mode, string name)
    {
        Assert.That(ListenerModeNames.Name(mode), Is.EqualTo(name));
        Assert.That(ListenerModeNames.Parse("--mode", name.ToUpperInvariant()), Is.EqualTo((mode, (string?)null)));
    }

    [Test]
    public async Task Unknown_mode_exits_2_listing_the_known_ones()
    {
        var run = await CliRun.InvokeAsync("serve", "--port", "0", "--mode", "sloppy");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
        Assert.That(run.Error, Does.StartWith("callhooks: --mode 'sloppy': unknown mode; known: strict, accepts-missing-auth, fails-duplicates, slow, server-error-on-malformed, keeps-no-record"));
    }

    [Test]
    public async Task Every_bad_serve_option_is_reported_at_once()
    {
        var run = await CliRun.InvokeAsync("serve", "--port", "x", "--mode", "AcceptsMissingAuth", "--downstream", "ftp://crm.example/push");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
        Assert.That(run.Error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
        {
            "callhooks: --port 'x': must be a whole number from 0 to 65535",
            "callhooks: --mode 'AcceptsMissingAuth': unknown mode; known: strict, accepts-missing-auth, fails-duplicates, slow, server-error-on-malformed, keeps-no-record",
            "callhooks: --downstream 'ftp://crm.example/push': must be an absolute http or https URL",
        }));
    }

    [Test]
    public async Task Help_documents_mode_and_downstream()
    {
        var run = await CliRun.InvokeAsync("serve", "--help");

        Assert.That(run.Out, Does.Contain("--mode").And.Contain("server-error-on-malformed").And.Contain("--downstream"));
    }
}
