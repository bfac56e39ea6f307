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
        Assert.That(File.Exists(Path.Combine(outDirectory, "junit.xml")), Is.True);
        Assert.That(child.Output(), Does.Contain("INTERRUPTED").And.Contain("callhooks: interrupted: sending stopped"));
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
        Assert.That(File.Exists(Path.Combine(outDirectory, "report.html")), Is.True);
        Assert.That(child.Output(), Does.Contain("callhooks: interrupted: sending stopped"));
    }
}
