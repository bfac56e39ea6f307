using System.Text.Json;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Cli;

/// <summary>`callhooks run` end to end over real loopback HTTP: verdicts, exit codes and results files.</summary>
public sealed class RunCommandTests
{
    private static readonly string[] Fixed = ["--seed", "42", "--now", "2026-01-15T09:30:00Z"];

    [TestCase("POST", "form")]
    [TestCase("POST", "json")]
    [TestCase("GET", null)]
    public async Task The_whole_myoperator_suite_passes_against_the_embedded_listener(string method, string? encoding)
    {
        string[] args =
        [
            "run",
            "--method",
            method,
            .. encoding is null ? Array.Empty<string>() : ["--encoding", encoding],
            "--header",
            "x-webhook-token: abc123def",
            "--basic",
            "admin:123456",
            "--query",
            "caller_number=clid",
            .. Fixed,
        ];
        var run = await CliRun.InvokeAsync(args);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        using var results = JsonDocument.Parse(run.File("results.json"));
        var summary = results.RootElement.GetProperty("summary");
        Assert.That(summary.GetProperty("failed").GetInt32(), Is.Zero);
        Assert.That(summary.GetProperty("passed").GetInt32(), Is.EqualTo(Fixtures.AllMyOperator().Count));
        Assert.That(results.RootElement.GetProperty("embeddedListener").GetBoolean(), Is.True);
        Assert.That(File.Exists(Path.Combine(run.OutDirectory, "junit.xml")), Is.True);
    }

    [Test]
    public async Task A_listener_answering_500_fails_every_scenario_with_exit_1()
    {
        await using var listener = await ScriptedListener.AnsweringAsync(500, "boom");
        var run = await CliRun.InvokeAsync(["run", "--target", listener.BaseUrl.AbsoluteUri, "--scenario", "obd-no-answer", .. Fixed]);
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);
        using var results = JsonDocument.Parse(run.File("results.json"));
        var delivery = results.RootElement.GetProperty("scenarios")[0].GetProperty("deliveries")[0];
        Assert.That(delivery.GetProperty("failures")[0].GetString(), Is.EqualTo("expected status 2xx, got 500 Internal Server Error"));
        Assert.That(delivery.GetProperty("response").GetProperty("status").GetInt32(), Is.EqualTo(500));
        Assert.That(delivery.GetProperty("response").GetProperty("body").GetString(), Is.EqualTo("boom"));
        Assert.That(listener.Requests, Has.Count.EqualTo(2), "one failed delivery never stops the call");
    }

    [Test]
    public async Task A_listener_slower_than_the_timeout_is_recorded_as_timeout()
    {
        await using var listener = await ScriptedListener.StartAsync(context => Task.Delay(Timeout.Infinite, context.RequestAborted));
        var run = await CliRun.InvokeAsync([
            "run",
            "--target",
            listener.BaseUrl.AbsoluteUri,
            "--scenario",
            "obd-no-answer",
            "--timeout",
            "300ms",
            .. Fixed,
        ]);
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);
        using var results = JsonDocument.Parse(run.File("results.json"));
        var error = results.RootElement.GetProperty("scenarios")[0].GetProperty("deliveries")[0].GetProperty("error");
        Assert.That(error.GetProperty("kind").GetString(), Is.EqualTo("timeout"));
        Assert.That(error.GetProperty("message").GetString(), Does.StartWith("no complete response within 300ms"));
    }

    [Test]
    public async Task A_listener_demanding_basic_auth_fails_without_credentials_and_passes_with_them()
    {
        await using var listener = await ScriptedListener.StartAsync(context =>
        {
            var ok = context.Request.Headers.Authorization.ToString() == "Basic YWRtaW46MTIzNDU2";
            context.Response.StatusCode = ok ? 200 : 401;
            if (!ok)
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"crm\"";
            return Task.CompletedTask;
        });
        var without = await CliRun.InvokeAsync([
            "run",
            "--target",
            listener.BaseUrl.AbsoluteUri,
            "--scenario",
            "incoming-missed",
            .. Fixed,
        ]);
        Assert.That(without.ExitCode, Is.EqualTo(1), without.ToString);
        Assert.That(
            without.Out,
            Does.Contain("expected status 2xx within 5s, got 401 Unauthorized").Or.Contain("expected status 2xx, got 401 Unauthorized")
        );

        var with = await CliRun.InvokeAsync([
            "run",
            "--target",
            listener.BaseUrl.AbsoluteUri,
            "--scenario",
            "incoming-missed",
            "--basic",
            "admin:123456",
            .. Fixed,
        ]);
        Assert.That(with.ExitCode, Is.EqualTo(0), with.ToString);
    }

    [Test]
    public async Task The_same_seed_and_clock_put_byte_identical_requests_on_the_wire()
    {
        await using var listener = await ScriptedListener.AnsweringAsync(200);
        string[] args = ["run", "--target", listener.BaseUrl.AbsoluteUri, "--query", "n=clid", "--query", "u=uid", .. Fixed];
        Assert.That((await CliRun.InvokeAsync(args)).ExitCode, Is.EqualTo(0));
        var first = Snapshot(listener);
        listener.Requests.Clear();
        Assert.That((await CliRun.InvokeAsync(args)).ExitCode, Is.EqualTo(0));
        Assert.That(Snapshot(listener), Is.EqualTo(first));
        Assert.That(first, Has.Count.EqualTo(Fixtures.AllMyOperator().Sum(scenario => scenario.Steps.Count)));

        listener.Requests.Clear();
        Assert.That(
            (
                await CliRun.InvokeAsync([
                    "run",
                    "--target",
                    listener.BaseUrl.AbsoluteUri,
                    "--query",
                    "n=clid",
                    "--query",
                    "u=uid",
                    "--seed",
                    "43",
                    "--now",
                    "2026-01-15T09:30:00Z",
                ])
            ).ExitCode,
            Is.EqualTo(0)
        );
        Assert.That(Snapshot(listener), Is.Not.EqualTo(first), "another seed, other data");
    }

    [Test]
    public async Task The_seed_is_printed_and_recorded_with_a_replay_command()
    {
        var run = await CliRun.InvokeAsync("run", "--scenario", "obd-no-answer");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        using var results = JsonDocument.Parse(run.File("results.json"));
        var seed = results.RootElement.GetProperty("seed").GetInt32();
        Assert.That(run.Error, Does.Contain($"seed {seed}"));
        Assert.That(results.RootElement.GetProperty("commandLine").GetString(), Does.Contain($"--seed {seed} --now "));
    }

    [Test]
    public async Task Secrets_appear_in_no_output()
    {
        var run = await CliRun.InvokeAsync(["run", "--header", "X-Token: t0ken-Secret-991", "--basic", "crm:Pa55-Secret-771", .. Fixed]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        var everything = run.Out + run.Error + string.Concat(Directory.EnumerateFiles(run.OutDirectory).Select(File.ReadAllText));
        Assert.That(everything, Does.Not.Contain("t0ken-Secret-991").And.Not.Contain("Pa55-Secret-771"));
        Assert.That(everything, Does.Not.Contain(Convert.ToBase64String("crm:Pa55-Secret-771"u8.ToArray())));
        Assert.That(run.File("results.json"), Does.Contain("[redacted]"));
    }

    private static List<string> Snapshot(ScriptedListener listener) =>
        listener
            .Requests.Select(request =>
                $"{request.Method} {request.PathAndQuery}\n{request.Headers.GetValueOrDefault("Content-Type")}\n{request.Body}"
            )
            .Order(StringComparer.Ordinal)
            .ToList();
}
