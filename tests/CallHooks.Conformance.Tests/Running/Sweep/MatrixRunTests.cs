using System.Text.Json;
using CallHooks.Conformance.Listener;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Running.Sweep;

/// <summary>--matrix end to end: the column a listener breaks is red and only that one, each cell replays alone, bad axes exit 2.</summary>
public sealed class MatrixRunTests
{
    private static readonly string[] Fixed = ["--seed", "42", "--now", "2026-01-15T09:30:00Z"];

    private static Dictionary<string, (int Passed, int Failed, string Replay)> Configurations(CliRun run)
    {
        using var results = JsonDocument.Parse(run.File("results.json"));
        return results
            .RootElement.GetProperty("configurations")
            .EnumerateArray()
            .ToDictionary(
                c => c.GetProperty("label").GetString()!,
                c => (c.GetProperty("passed").GetInt32(), c.GetProperty("failed").GetInt32(), c.GetProperty("replay").GetString()!)
            );
    }

    [Test]
    public async Task A_listener_that_fails_only_GET_shows_exactly_the_GET_column_red()
    {
        var run = await CliRun.InvokeAsync([
            "run",
            "--matrix",
            "--suite",
            "all",
            "--provider",
            "myoperator-incall",
            "--listener-mode",
            "fails-get",
            .. Fixed,
        ]);
        var cells = Configurations(run);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);
            Assert.That(
                cells.Keys,
                Is.EqualTo(new[] { "method=POST · encoding=form", "method=POST · encoding=json", "method=GET · encoding=-" })
            );
            Assert.That(cells["method=POST · encoding=form"].Failed, Is.Zero);
            Assert.That(cells["method=POST · encoding=json"].Failed, Is.Zero);
            Assert.That((cells["method=GET · encoding=-"].Passed, cells["method=GET · encoding=-"].Failed), Is.EqualTo((0, 7)));
            Assert.That(
                run.File("report.md"),
                Does.Contain(
                    "myoperator-incall: compatible with method=POST · encoding=form; method=POST · encoding=json; fails method=GET · encoding=- (7 scenarios)"
                )
            );
            Assert.That(
                run.File("junit.xml"),
                Does.Contain("<testsuite name=\"myoperator-incall [method=GET · encoding=-]\" tests=\"7\" failures=\"7\"")
            );
        });
    }

    [Test]
    public async Task A_cell_s_replay_line_plays_that_configuration_alone_with_the_same_calls()
    {
        var run = await CliRun.InvokeAsync(["run", "--matrix", "method", "--scenario", "incoming-answered", .. Fixed]);
        var replay = Configurations(run)["method=GET"].Replay;
        // The replay names the matrix run's --out folder; the replayed run writes to a folder of its own.
        var words = replay.Split(' ').Skip(1).ToList();
        var index = words.IndexOf("--out");
        words.RemoveRange(index, 2);
        var alone = await CliRun.InvokeAsync([.. words]);
        using var matrix = JsonDocument.Parse(run.File("results.json"));
        using var single = JsonDocument.Parse(alone.File("results.json"));
        string Customer(JsonDocument results, string? configuration) =>
            results
                .RootElement.GetProperty("scenarios")
                .EnumerateArray()
                .Single(s => configuration is null || s.GetProperty("configuration").GetString() == configuration)
                .GetProperty("customer")
                .GetString()!;
        Assert.Multiple(() =>
        {
            Assert.That(
                replay,
                Does.StartWith("callhooks run --scenario incoming-answered --now 2026-01-15T09:30:00Z --out ")
                    .And.Contain(" --method GET --provider myoperator-incall --seed ")
            );
            Assert.That(alone.ExitCode, Is.Zero, alone.ToString);
            Assert.That(Customer(single, null), Is.EqualTo(Customer(matrix, "method=GET")));
        });
    }

    [Test]
    public async Task Against_a_listener_that_splits_users_on_commas_exactly_the_array_reading_is_red()
    {
        await using var listener = await ReferenceListener.StartAsync(
            new ListenerOptions { ProviderOptions = new Dictionary<string, string> { ["users"] = "comma" } }
        );
        var run = await CliRun.InvokeAsync([
            "run",
            "--matrix",
            "readings",
            "--option",
            "users=comma",
            "--target",
            new Uri(listener.BaseUrl, "in_call").AbsoluteUri,
            .. Fixed,
        ]);
        var cells = Configurations(run);
        Assert.Multiple(() =>
        {
            Assert.That(cells.Keys, Is.EqualTo(new[] { "readings=as configured", "readings=clid=e164", "readings=users=array" }));
            Assert.That(cells.Where(cell => cell.Value.Failed > 0).Select(cell => cell.Key), Is.EqualTo(new[] { "readings=users=array" }));
        });
    }

    [Test]
    public void A_cell_s_replay_keeps_only_its_own_provider_s_target()
    {
        var cell = new Conformance.Running.Sweep.RunConfiguration(
            "voipappz",
            [new("method", "GET")],
            7,
            Conformance.Panels.PanelWebhook.CommandLine(
                "voipappz",
                new Conformance.Providers.WebhookConfig { Target = new Uri("http://b/") }
            ),
            ["--method", "GET"]
        );
        var replay = Conformance.Cli.Commands.ReplayCommandLine.ForConfiguration(
            [
                "run",
                "--matrix",
                "--target",
                "myoperator-incall=http://a/",
                "--target",
                "voipappz=http://b/",
                "--provider",
                "voipappz",
                "--provider",
                "myoperator-incall",
            ],
            cell,
            new DateTimeOffset(2026, 1, 15, 9, 30, 0, TimeSpan.Zero)
        );
        Assert.That(
            replay,
            Is.EqualTo("callhooks run --target voipappz=http://b/ --method GET --provider voipappz --seed 7 --now 2026-01-15T09:30:00Z")
        );
    }

    [TestCase(new[] { "--matrix", "colour" }, "--matrix colour: unknown axis; axes: method, encoding, auth, signing, readings")]
    [TestCase(new[] { "--matrix", "encoding", "--provider", "voipappz" }, "--matrix encoding: voipappz sends only json; nothing to sweep")]
    [TestCase(
        new[] { "--matrix", "auth", "--target", "http://127.0.0.1:9/" },
        "--matrix auth: no --basic or --header given to switch off; nothing to sweep"
    )]
    [TestCase(new[] { "--matrix", "auth", "--basic", "u:p" }, "--matrix auth: the embedded listener demands the credentials the run gives")]
    [TestCase(new[] { "--matrix", "method", "--method", "GET" }, "--matrix method sweeps every method; drop --method")]
    [TestCase(new[] { "--matrix-exclude", "method=GET" }, "--matrix-exclude: applies to --matrix only")]
    [TestCase(
        new[] { "--matrix", "method", "--matrix-exclude", "method=GET", "--matrix-exclude", "method=POST" },
        "--matrix-exclude: leaves no configuration of myoperator-incall to play"
    )]
    [TestCase(new[] { "--matrix", "--matrix-exclude", "colour=red" }, "--matrix-exclude colour: unknown axis")]
    public async Task Bad_matrix_options_exit_2_with_the_reason(string[] options, string expected)
    {
        var run = await CliRun.InvokeAsync(["run", .. options]);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
            Assert.That(run.Error, Does.Contain(expected));
        });
    }
}
