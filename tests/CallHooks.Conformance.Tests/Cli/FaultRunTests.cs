using System.Text.Json;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Cli;

/// <summary>`callhooks run` against listeners that fail: the run goes on, every delivery is recorded, the reports are written.</summary>
public sealed class FaultRunTests
{
    private static readonly string[] Fixed = ["--seed", "42", "--now", "2026-01-15T09:30:00Z"];

    [Test]
    public async Task Every_fault_in_one_run_is_recorded_in_order_and_the_run_finishes_with_exit_1()
    {
        await using var elsewhere = FaultServer.Start(Faults.Ok);
        (Func<FaultConnection, Task> Fault, string Recorded)[] rotation =
        [
            (Faults.Ok, "200"),
            (Faults.EmptyReply, "emptyReply"),
            (Faults.ResetMidResponse, "connectionReset"),
            (Faults.Malformed, "malformedResponse"),
            (Faults.NeverEndingChunkedBody, "timeout"),
            (Faults.SilentUntilClientLeaves, "timeout"),
            (Faults.TrickleBody, "timeout"),
            (Faults.Redirect(elsewhere.Url), "302"),
            (Faults.ServiceUnavailable, "503"),
            (Faults.BasicChallenge, "401"),
            (Faults.HugeBody(new ByteCounter()), "200"),
        ];
        await using var server = FaultServer.Start(connection => rotation[connection.Index % rotation.Length].Fault(connection));

        // One call at a time, so the n-th request on the wire is the n-th delivery in results.json.
        var run = await CliRun.InvokeAsync(["run", "--target", server.Url.AbsoluteUri, "--timeout", "300ms", "--parallel", "1", .. Fixed]);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);
        using var results = JsonDocument.Parse(run.File("results.json"));
        var deliveries = results
            .RootElement.GetProperty("scenarios")
            .EnumerateArray()
            .SelectMany(scenario => scenario.GetProperty("deliveries").EnumerateArray())
            .ToList();
        var expectedCount = Fixtures.AllMyOperator().Sum(scenario => scenario.Steps.Count);
        Assert.That(deliveries, Has.Count.EqualTo(expectedCount), "no fault stops a call or the run");
        Assert.That(server.Requests, Is.EqualTo(expectedCount), "each webhook is sent exactly once");
        Assert.That(elsewhere.Requests, Is.Zero, "the redirect is not followed");
        var recorded = deliveries.Select(Recorded).ToList();
        Assert.That(
            recorded,
            Is.EqualTo(Enumerable.Range(0, expectedCount).Select(index => rotation[index % rotation.Length].Recorded).ToList())
        );
        Assert.That(results.RootElement.GetProperty("interrupted").GetBoolean(), Is.False);
        Assert.That(File.Exists(Path.Combine(run.OutDirectory, "junit.xml")), Is.True);
        Assert.That(
            run.Out,
            Does.Contain("empty reply").And.Contain("connection reset").And.Contain("malformed response").And.Contain("timeout")
        );
    }

    [Test]
    public async Task An_unresolvable_host_is_recorded_for_every_delivery_and_the_reports_are_written()
    {
        var run = await CliRun.InvokeAsync([
            "run",
            "--target",
            "http://callhooks-listener.invalid/hook",
            "--scenario",
            "obd-no-answer",
            .. Fixed,
        ]);
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);
        using var results = JsonDocument.Parse(run.File("results.json"));
        var deliveries = results.RootElement.GetProperty("scenarios")[0].GetProperty("deliveries").EnumerateArray().ToList();
        Assert.That(deliveries.Select(Recorded), Is.EqualTo(new[] { "nameResolution", "nameResolution" }));
        Assert.That(deliveries[0].GetProperty("error").GetProperty("message").GetString(), Does.StartWith("host name does not resolve: "));
        Assert.That(deliveries[0].GetProperty("error").GetProperty("latencyMs").GetDouble(), Is.GreaterThan(0));
    }

    [Test]
    public async Task A_refused_connection_is_recorded_and_the_run_goes_on()
    {
        int port;
        await using (var closed = FaultServer.Start(Faults.Ok))
            port = closed.Url.Port;
        var run = await CliRun.InvokeAsync(["run", "--target", $"http://127.0.0.1:{port}/hook", "--scenario", "incoming-missed", .. Fixed]);
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);
        using var results = JsonDocument.Parse(run.File("results.json"));
        var deliveries = results.RootElement.GetProperty("scenarios")[0].GetProperty("deliveries").EnumerateArray().ToList();
        Assert.That(deliveries.Select(Recorded), Is.EqualTo(new[] { "connectionRefused", "connectionRefused", "connectionRefused" }));
        Assert.That(
            deliveries[0].GetProperty("error").GetProperty("message").GetString(),
            Is.EqualTo("connection refused: nothing listens at the target")
        );
    }

    /// <summary>A delivery as one word: the status that came back, or the error kind.</summary>
    private static string Recorded(JsonElement delivery) =>
        delivery.GetProperty("response").ValueKind == JsonValueKind.Null
            ? delivery.GetProperty("error").GetProperty("kind").GetString()!
            : delivery.GetProperty("response").GetProperty("status").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
