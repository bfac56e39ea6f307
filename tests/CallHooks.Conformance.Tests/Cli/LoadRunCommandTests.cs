using System.Text.Json;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Cli;

/// <summary>`callhooks run --calls/--rate` end to end over loopback: exit codes, results.json and the delivery log.</summary>
public sealed class LoadRunCommandTests
{
    private static readonly string[] Fixed = ["--seed", "42", "--now", "2026-01-15T09:30:00Z"];

    [Test]
    public async Task Two_hundred_calls_against_the_embedded_listener_pass_with_the_load_summary_written()
    {
        var run = await CliRun.InvokeAsync([
            "run",
            "--calls",
            "200",
            "--rate",
            "2000",
            "--concurrency",
            "20",
            "--pace",
            "0",
            "--threshold",
            "errors<1%",
            .. Fixed,
        ]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);

        using var results = JsonDocument.Parse(run.File("results.json"));
        var summary = results.RootElement.GetProperty("summary");
        Assert.That(summary.GetProperty("total").GetInt32(), Is.EqualTo(200));
        Assert.That(
            summary.GetProperty("failed").GetInt32(),
            Is.Zero,
            "the reference listener accepts every call: distinct uids, states in order"
        );
        var deliveries = summary.GetProperty("deliveries").GetInt64();
        Assert.That(deliveries, Is.GreaterThan(400));
        Assert.That(summary.GetProperty("deliveriesPerSecond").GetDouble(), Is.Positive);
        Assert.That(summary.GetProperty("targetRate").GetDouble(), Is.EqualTo(2000));
        foreach (var name in new[] { "p50Ms", "p90Ms", "p99Ms", "p999Ms", "maxMs" })
        {
            Assert.That(summary.GetProperty(name).GetDouble(), Is.Positive, name);
            Assert.That(summary.GetProperty("sent").GetProperty(name).GetDouble(), Is.Positive, "sent." + name);
        }

        Assert.That(summary.GetProperty("p50Ms").GetDouble(), Is.LessThanOrEqualTo(summary.GetProperty("maxMs").GetDouble()));
        Assert.That(summary.GetProperty("byProvider")[0].GetProperty("deliveries").GetInt64(), Is.EqualTo(deliveries));
        Assert.That(
            summary.GetProperty("byEvent").EnumerateArray().Sum(group => group.GetProperty("deliveries").GetInt64()),
            Is.EqualTo(deliveries)
        );
        Assert.That(summary.GetProperty("thresholds")[0].GetProperty("threshold").GetString(), Is.EqualTo("errors<1%"));
        Assert.That(summary.GetProperty("thresholds")[0].GetProperty("passed").GetBoolean(), Is.True);
        Assert.That(
            results.RootElement.GetProperty("scenarios").GetArrayLength(),
            Is.EqualTo(20),
            "a sample of passing calls is kept in full, not all 200"
        );
        Assert.That(File.ReadLines(Path.Combine(run.OutDirectory, "deliveries.ndjson")).LongCount(), Is.EqualTo(deliveries));
        Assert.That(run.Out, Does.Contain("PASS errors<1% held: 0%"));
    }

    [Test]
    public async Task A_broken_threshold_exits_1_and_is_printed_and_recorded()
    {
        await using var listener = await ScriptedListener.AnsweringAsync(500, "down");
        var run = await CliRun.InvokeAsync([
            "run",
            "--target",
            listener.BaseUrl.AbsoluteUri,
            "--scenario",
            "obd-no-answer",
            "--calls",
            "20",
            "--rate",
            "1000",
            "--pace",
            "0",
            "--threshold",
            "errors<10%",
            "--threshold",
            "p99<5s",
            .. Fixed,
        ]);
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);
        Assert.That(run.Out, Does.Contain("FAIL errors<10% broken: 100%"));
        Assert.That(run.Out, Does.Contain("PASS p99<5s held"));
        Assert.That(run.Out, Does.Contain("errors: status 500 40"));

        using var results = JsonDocument.Parse(run.File("results.json"));
        var summary = results.RootElement.GetProperty("summary");
        Assert.That(summary.GetProperty("thresholds")[0].GetProperty("passed").GetBoolean(), Is.False);
        Assert.That(summary.GetProperty("errors").GetProperty("status 500").GetInt64(), Is.EqualTo(40));
        Assert.That(results.RootElement.GetProperty("scenarios").GetArrayLength(), Is.EqualTo(20), "failing calls are kept in full");

        var junit = run.File("junit.xml");
        Assert.That(junit, Does.Contain("<testsuite name=\"thresholds\" tests=\"2\" failures=\"1\""));
        Assert.That(junit, Does.Contain("message=\"errors&lt;10% broken: 100%\""));
    }

    [Test]
    public async Task Without_thresholds_any_failed_delivery_fails_the_run()
    {
        await using var listener = await ScriptedListener.AnsweringAsync(500);
        var run = await CliRun.InvokeAsync([
            "run",
            "--target",
            listener.BaseUrl.AbsoluteUri,
            "--scenario",
            "obd-no-answer",
            "--calls",
            "2",
            "--rate",
            "100",
            "--pace",
            "0",
            .. Fixed,
        ]);
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);
        Assert.That(run.Out, Does.Contain("FAIL errors<=0 broken: 4"));
    }

    [TestCase(new[] { "--calls", "10" }, "callhooks: --rate: a load run needs a rate of new calls per second, e.g. --rate 50")]
    [TestCase(new[] { "--calls", "0", "--rate", "5" }, "callhooks: --calls '0': must be a whole number from 1 to 100000000")]
    [TestCase(
        new[] { "--calls", "5", "--rate", "fast" },
        "callhooks: --rate 'fast': must be a number of calls per second above 0 and at most 1000000 (e.g. 50 or 0.5)"
    )]
    [TestCase(new[] { "--duration", "ten", "--rate", "5" }, "callhooks: --duration: 'ten' is not a duration")]
    [TestCase(
        new[] { "--calls", "5", "--rate", "5", "--concurrency", "0" },
        "callhooks: --concurrency '0': must be a whole number from 1 to 10000"
    )]
    [TestCase(new[] { "--calls", "5", "--rate", "5", "--pace", "-1" }, "callhooks: --pace '-1': must be a factor from 0 to 1000")]
    [TestCase(
        new[] { "--calls", "5", "--rate", "5", "--threshold", "p99<500" },
        "callhooks: --threshold 'p99<500': '500' is not a duration"
    )]
    [TestCase(
        new[] { "--calls", "5", "--rate", "5", "--parallel", "4" },
        "callhooks: --parallel: conformance runs only; a load run caps calls in progress with --concurrency"
    )]
    [TestCase(new[] { "--rate", "5" }, "callhooks: --rate: applies to load runs only; add --calls N or --duration T")]
    [TestCase(new[] { "--threshold", "p99<1s" }, "callhooks: --threshold: applies to load runs only; add --calls N or --duration T")]
    public async Task Bad_load_options_exit_2_with_one_line(string[] bad, string expected)
    {
        var run = await CliRun.InvokeAsync(["run", "--target", "http://127.0.0.1:9/", .. bad]);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
        Assert.That(run.Error, Does.StartWith(expected));
    }
}
