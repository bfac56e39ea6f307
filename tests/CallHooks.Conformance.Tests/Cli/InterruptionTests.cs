using System.Collections.Concurrent;
using System.Text.Json;
using CallHooks.Conformance.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace CallHooks.Conformance.Tests.Cli;

/// <summary>
/// SIGTERM or Ctrl-C in the middle of a run: sending stops, deliveries in flight finish, every report is written
/// with each delivery the listener completed and nothing else, and the exit code is 130.
/// </summary>
public sealed class InterruptionTests
{
    private const int SignalAfterRequests = 5;

    [TestCase("TERM")]
    [TestCase("INT")]
    public async Task A_signal_mid_run_keeps_exactly_the_completed_deliveries_and_exits_130(string signal)
    {
        var arrived = 0;
        var enoughArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var completed = new ConcurrentQueue<string>();
        await using var listener = await ScriptedListener.StartAsync(async context =>
        {
            if (Interlocked.Increment(ref arrived) >= SignalAfterRequests)
                enoughArrived.TrySetResult();
            // Slow enough that deliveries are in flight when the signal comes, well within the 2 s grace period.
            await Task.Delay(300, CancellationToken.None);
            context.Response.StatusCode = 200;
            await context.Response.WriteAsync("ok", CancellationToken.None);
            await context.Response.CompleteAsync();
            // The mapped uid and call_state make each delivery's path and query unique.
            completed.Enqueue(context.Request.Path + context.Request.QueryString);
        });

        var outDirectory = Path.Combine(Path.GetTempPath(), "callhooks-interrupt-" + Guid.NewGuid().ToString("N"));
        using var child = CliProcess.Start(
            "run",
            "--target",
            listener.BaseUrl.AbsoluteUri,
            "--query",
            "u=uid",
            "--query",
            "s=call_state",
            "--parallel",
            "2",
            "--out",
            outDirectory,
            "--seed",
            "42",
            "--now",
            "2026-01-15T09:30:00Z"
        );
        using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            await enoughArrived.Task.WaitAsync(limit.Token);
        await child.SignalAsync(signal);

        Assert.That(
            await child.WaitForExitAsync(TimeSpan.FromSeconds(30)),
            Is.True,
            "the run ends within its grace period: " + child.Output()
        );
        Assert.That(child.ExitCode, Is.EqualTo(130), child.Output());
        using var results = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDirectory, "results.json")));
        Assert.That(results.RootElement.GetProperty("interrupted").GetBoolean(), Is.True);
        var deliveries = results
            .RootElement.GetProperty("scenarios")
            .EnumerateArray()
            .SelectMany(scenario => scenario.GetProperty("deliveries").EnumerateArray())
            .ToList();
        Assert.That(deliveries, Is.Not.Empty);
        Assert.That(
            deliveries.Count,
            Is.LessThan(Fixtures.AllMyOperator().Sum(scenario => scenario.Steps.Count)),
            "the run was really cut short"
        );
        Assert.That(
            deliveries.Select(delivery => delivery.GetProperty("response").GetProperty("status").GetInt32()),
            Is.All.EqualTo(200),
            "deliveries in flight finished within the grace period"
        );
        Assert.That(
            deliveries.Select(delivery => new Uri(delivery.GetProperty("request").GetProperty("url").GetString()!).PathAndQuery),
            Is.EquivalentTo(completed),
            "exactly what the listener completed, nothing lost, nothing invented"
        );
        Assert.That(listener.Requests, Has.Count.EqualTo(completed.Count), "nothing was sent that did not complete");
        Assert.That(child.Output(), Does.Contain("INTERRUPTED").And.Contain("callhooks: interrupted: sending stopped"));
        AssertEveryReportSaysInterrupted(outDirectory, results);
    }

    [Test]
    public async Task A_second_signal_cuts_off_what_is_in_flight_at_once_and_still_writes_every_report()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var listener = await ScriptedListener.StartAsync(async context =>
        {
            arrived.TrySetResult();
            // Far longer than the grace: only the second signal can end the wait.
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            context.Response.StatusCode = 200;
        });

        var outDirectory = Path.Combine(Path.GetTempPath(), "callhooks-interrupt-" + Guid.NewGuid().ToString("N"));
        using var child = CliProcess.Start(
            "run",
            "--target",
            listener.BaseUrl.AbsoluteUri,
            "--timeout",
            "60s",
            "--late-window",
            "0",
            "--out",
            outDirectory,
            "--seed",
            "42",
            "--now",
            "2026-01-15T09:30:00Z"
        );
        using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            await arrived.Task.WaitAsync(limit.Token);
        await child.SignalAsync("INT");
        await child.SignalAsync("TERM");

        Assert.That(
            await child.WaitForExitAsync(TimeSpan.FromSeconds(20)),
            Is.True,
            "the second signal does not wait out the grace: " + child.Output()
        );
        Assert.That(child.ExitCode, Is.EqualTo(130), child.Output());
        using var results = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDirectory, "results.json")));
        var scenario = results.RootElement.GetProperty("scenarios")[0];
        Assert.That(
            scenario.GetProperty("status").GetString(),
            Is.EqualTo("interrupted"),
            "a call cut off mid-delivery neither passes nor fails"
        );
        Assert.That(scenario.GetProperty("deliveries")[0].GetProperty("error").GetProperty("kind").GetString(), Is.EqualTo("cancelled"));
        AssertEveryReportSaysInterrupted(outDirectory, results);
    }

    /// <summary>results.json, report.md, junit.xml and report.html all say the run was interrupted; none of them is green.</summary>
    private static void AssertEveryReportSaysInterrupted(string outDirectory, JsonDocument results)
    {
        Assert.That(results.RootElement.GetProperty("interrupted").GetBoolean(), Is.True);
        Assert.That(File.ReadAllText(Path.Combine(outDirectory, "report.md")), Does.StartWith("## ⏹ callhooks: interrupted ("));
        var junit = System.Xml.Linq.XDocument.Load(Path.Combine(outDirectory, "junit.xml"));
        Assert.That(
            int.Parse(junit.Root!.Attribute("errors")!.Value, System.Globalization.CultureInfo.InvariantCulture),
            Is.GreaterThan(0),
            "a CI dashboard shows red"
        );
        Assert.That(
            junit
                .Descendants("testcase")
                .Where(test => (string?)test.Attribute("name") == "interrupted")
                .SelectMany(test => test.Elements("error"))
                .Single()
                .Attribute("message")!
                .Value,
            Does.StartWith("the run was interrupted: ")
        );
        Assert.That(File.ReadAllText(Path.Combine(outDirectory, "report.html")), Does.Contain("\"interrupted\":true"));
        foreach (
            var scenario in results
                .RootElement.GetProperty("scenarios")
                .EnumerateArray()
                .Where(scenario => scenario.TryGetProperty("unsent", out var unsent) && unsent.GetInt32() > 0)
        )
            Assert.That(scenario.GetProperty("passed").GetBoolean(), Is.False, "a call whose events were not all sent is not a pass");
    }

    [Test]
    public async Task A_load_run_interrupted_mid_run_ends_the_same_way_with_every_completed_delivery_counted()
    {
        var arrived = 0;
        var enoughArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var completed = 0;
        await using var listener = await ScriptedListener.StartAsync(async context =>
        {
            if (Interlocked.Increment(ref arrived) >= SignalAfterRequests)
                enoughArrived.TrySetResult();
            await Task.Delay(300, CancellationToken.None);
            context.Response.StatusCode = 200;
            await context.Response.WriteAsync("ok", CancellationToken.None);
            await context.Response.CompleteAsync();
            Interlocked.Increment(ref completed);
        });

        var outDirectory = Path.Combine(Path.GetTempPath(), "callhooks-interrupt-" + Guid.NewGuid().ToString("N"));
        using var child = CliProcess.Start(
            "run",
            "--target",
            listener.BaseUrl.AbsoluteUri,
            "--calls",
            "1000",
            "--rate",
            "50",
            "--pace",
            "0",
            "--concurrency",
            "4",
            "--out",
            outDirectory,
            "--seed",
            "42",
            "--now",
            "2026-01-15T09:30:00Z"
        );
        using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            await enoughArrived.Task.WaitAsync(limit.Token);
        await child.SignalAsync("INT");

        Assert.That(
            await child.WaitForExitAsync(TimeSpan.FromSeconds(30)),
            Is.True,
            "the run ends within its grace period: " + child.Output()
        );
        Assert.That(child.ExitCode, Is.EqualTo(130), child.Output());
        using var results = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDirectory, "results.json")));
        Assert.That(
            results.RootElement.GetProperty("interrupted").GetBoolean(),
            Is.True,
            "a load run says it was interrupted, as a conformance run does"
        );
        var summary = results.RootElement.GetProperty("summary");
        Assert.That(
            summary.GetProperty("deliveries").GetInt64(),
            Is.EqualTo(Volatile.Read(ref completed)),
            "every delivery the listener completed, and nothing else"
        );
        Assert.That(summary.GetProperty("deliveriesFailed").GetInt64(), Is.Zero, "deliveries in flight finished within the grace period");
        Assert.That(File.ReadAllLines(Path.Combine(outDirectory, "deliveries.ndjson")), Has.Length.EqualTo(Volatile.Read(ref completed)));
        Assert.That(File.ReadAllText(Path.Combine(outDirectory, "report.md")), Does.StartWith("## ⏹ callhooks load run (interrupted): "));
        Assert.That(
            child.Output(),
            Does.Contain("callhooks: interrupted: sending stopped").And.Contain("INTERRUPTED: sending stopped early")
        );
    }
}
