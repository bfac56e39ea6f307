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
        Assert.That(
            run.Error,
            Does.StartWith(
                "callhooks: --mode 'sloppy': unknown mode; known: strict, accepts-missing-auth, fails-duplicates, slow, server-error-on-malformed, keeps-no-record"
            )
        );
    }

    [Test]
    public async Task Every_bad_serve_option_is_reported_at_once()
    {
        var run = await CliRun.InvokeAsync(
            "serve",
            "--port",
            "x",
            "--mode",
            "AcceptsMissingAuth",
            "--downstream",
            "ftp://crm.example/push"
        );

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
        Assert.That(
            run.Error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries),
            Is.EqualTo(
                new[]
                {
                    "callhooks: --port 'x': must be a whole number from 0 to 65535",
                    "callhooks: --mode 'AcceptsMissingAuth': unknown mode; known: strict, accepts-missing-auth, fails-duplicates, slow, server-error-on-malformed, keeps-no-record, stores-raw-payload, record-per-event, creates-crm-record-per-event, reads-legs-as-objects, fails-get, record-per-delivery, updates-newest-record, stores-malformed, passes-malformed, blocks-then-fails, waits-for-crm",
                    "callhooks: --downstream 'ftp://crm.example/push': must be an absolute http or https URL",
                }
            )
        );
    }

    [Test]
    public async Task Serve_demands_the_v2_api_key_given_with_option_as_run_sends_it()
    {
        const string key = "serve-Key+1/2";
        var options = ServeCommand.Options("0", null, null, null, null, null, null, ["api-key=" + key, "api-key-in=query"]);
        await using var listener = await ReferenceListener.StartAsync(options, CancellationToken.None);
        var target = new Uri(listener.BaseUrl, "myoperator-v2").AbsoluteUri;
        string[] v2 =
        [
            "--target",
            target,
            "--provider",
            "myoperator-v2",
            "--scenario",
            "obd-no-answer",
            "--seed",
            "42",
            "--now",
            "2026-01-15T09:30:00Z",
        ];

        var right = await CliRun.InvokeAsync(["run", .. v2, "--option", "api-key=" + key, "--option", "api-key-in=query"]);
        var wrong = await CliRun.InvokeAsync(["run", .. v2, "--option", "api-key=not-the-key", "--option", "api-key-in=query"]);
        var none = await CliRun.InvokeAsync(["run", .. v2]);

        Assert.That(right.ExitCode, Is.EqualTo(0), right.ToString);
        Assert.That(wrong.ExitCode, Is.EqualTo(1), wrong.ToString);
        Assert.That(wrong.Out, Does.Contain("403"));
        Assert.That(none.ExitCode, Is.EqualTo(1), none.ToString);
        Assert.That(none.Out, Does.Contain("401"));
    }

    [Test]
    public async Task Bad_provider_options_exit_2_in_the_run_command_s_words_without_the_key()
    {
        var run = await CliRun.InvokeAsync(
            "serve",
            "--port",
            "0",
            "--basic",
            "admin:pw",
            "--option",
            "api-key=s3cr3t-key",
            "--option",
            "api-key-in=body",
            "--option",
            "colour=blue"
        );

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
        Assert.That(
            run.Error,
            Does.Contain("--option colour=blue: no provider has such an option")
                .And.Contain("--option api-key-in=body: use header or query")
                .And.Contain("--option api-key and --basic: myoperator-v2 authenticates with one method")
        );
        Assert.That(run.Error + run.Out, Does.Not.Contain("s3cr3t-key"));
    }

    [Test]
    public async Task Serve_takes_any_provider_s_reading_and_refuses_a_value_none_has()
    {
        var comma = await CliRun.InvokeAsync(
            "serve",
            "--port",
            "0",
            "--option",
            "users=comma",
            "--option",
            "clid=e164",
            "--option",
            "colour=red"
        );
        var bad = await CliRun.InvokeAsync("serve", "--port", "0", "--option", "users=semicolon");
        Assert.Multiple(() =>
        {
            Assert.That(comma.Error, Does.Not.Contain("users").And.Not.Contain("clid"), "readings of myoperator-incall are accepted");
            Assert.That(comma.Error, Does.Contain("--option colour=red: no provider has such an option"));
            Assert.That(bad.ExitCode, Is.EqualTo(2));
            Assert.That(bad.Error, Does.Contain("--option users=semicolon: not a reading of users"));
        });
    }

    [Test]
    public async Task Serve_with_a_panel_file_refuses_listener_wide_credentials_beside_it()
    {
        var panel = Path.Combine(Path.GetTempPath(), "callhooks-serve-panel-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(
            panel,
            """{ "webhooks": [ { "name": "a", "provider": "voipappz", "events": ["*"], "url": "/a" } ] }"""
        );
        var run = await CliRun.InvokeAsync("serve", "--port", "0", "--panel", panel, "--header", "X-Token: abc");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(
                run.Error,
                Does.Contain($"--header: the panel file {panel} sets each webhook's credentials and options; set them there")
            );
        });
    }

    [Test]
    public async Task Help_documents_mode_and_downstream()
    {
        var run = await CliRun.InvokeAsync("serve", "--help");

        Assert.That(run.Out, Does.Contain("--mode").And.Contain("server-error-on-malformed").And.Contain("--downstream"));
    }
}
