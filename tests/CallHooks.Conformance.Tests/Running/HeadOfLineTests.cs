using System.Text.Json;
using CallHooks.Conformance.Listener;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Running;

/// <summary>
/// A listener that handles one request at a time makes every delivery behind a slow one look slow. The reports name the
/// delivery that held the queue, and the late answer it finally gave, so the user fixes that handler; a listener that is
/// slow for every request, in parallel, is not mistaken for one.
/// </summary>
public sealed class HeadOfLineTests
{
    private static readonly string[] Calls =
    [
        "--scenario",
        "incoming-answered",
        "--scenario",
        "incoming-missed",
        "--scenario",
        "obd-answered",
        "--scenario",
        "obd-no-answer",
        "--parallel",
        "4",
        "--seed",
        "7",
        "--now",
        "2026-01-15T09:30:00Z",
    ];

    [Test]
    public async Task Deliveries_queued_behind_a_blocked_one_name_it_and_its_late_500()
    {
        // One call starts at once and is blocked; three more start 200 ms later and wait behind it.
        var later = Directory.CreateTempSubdirectory("callhooks-hol-").FullName;
        foreach (var name in (string[])["incoming-missed", "obd-answered", "obd-no-answer"])
        {
            var scenario = System.Text.Json.Nodes.JsonNode.Parse(
                File.ReadAllText(Path.Combine(RepoPaths.Root, "scenarios", "myoperator-incall", name + ".json"))
            )!;
            scenario["events"]![0]!["after"] = "200ms";
            File.WriteAllText(Path.Combine(later, name + ".json"), scenario.ToJsonString());
        }

        await using var listener = await ReferenceListener.StartAsync(
            new ListenerOptions { Mode = ListenerMode.BlocksThenFails, BlockDelay = TimeSpan.FromMilliseconds(1500) }
        );
        var run = await CliRun.InvokeAsync([
            "run",
            "--target",
            listener.BaseUrl.AbsoluteUri,
            "--timeout",
            "1s",
            "--scenario",
            "incoming-answered",
            .. ((string[])["incoming-missed", "obd-answered", "obd-no-answer"]).SelectMany(name =>
                new[] { "--scenario", Path.Combine(later, name + ".json") }
            ),
            "--parallel",
            "4",
            "--seed",
            "7",
            "--now",
            "2026-01-15T09:30:00Z",
        ]);
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);

        using var results = JsonDocument.Parse(run.File("results.json"));
        var deliveries = results
            .RootElement.GetProperty("scenarios")
            .EnumerateArray()
            .SelectMany(scenario =>
                scenario
                    .GetProperty("deliveries")
                    .EnumerateArray()
                    .Select(delivery => (Scenario: scenario.GetProperty("name").GetString()!, Delivery: delivery))
            )
            .ToList();
        var blocked = deliveries
            .Where(entry =>
                entry.Delivery.GetProperty("error") is { ValueKind: JsonValueKind.Object } error
                && error.GetProperty("late").GetProperty("status").GetString() == "500 Internal Server Error"
            )
            .ToList();
        Assert.That(blocked, Has.Count.EqualTo(1), run.ToString);
        var (head, headDelivery) = blocked[0];
        Assert.That(head, Is.EqualTo("incoming-answered"), "the call that started first holds the listener");
        Assert.That(
            headDelivery.GetProperty("error").GetProperty("message").GetString(),
            Does.Match(
                @"^no complete response within 1s \(waiting for the response headers\); answered 500 Internal Server Error after 1\.\d s, too late: the provider had given up$"
            )
        );
        Assert.That(headDelivery.TryGetProperty("queuedBehind", out _), Is.False, "the head of the queue waited for nobody");

        var queued = deliveries.Where(entry => entry.Delivery.TryGetProperty("queuedBehind", out _)).ToList();
        Assert.That(
            queued.Select(entry => entry.Scenario),
            Is.EquivalentTo(new[] { "incoming-missed", "obd-answered", "obd-no-answer" }),
            run.ToString
        );
        Assert.That(
            queued.Select(entry => entry.Delivery.GetProperty("queuedBehind").GetString()),
            Has.All.Match(
                $@"^queued behind myoperator-incall/{head} event {headDelivery.GetProperty("event").GetString()}, sent \d+ ms earlier and still in flight: \d+ ms of this delivery's \d+ ms passed before that one got 500 Internal Server Error; the listener handled one request at a time, so look at that event's handler, not this one's$"
            )
        );
        Assert.That(run.Out, Does.Contain("      note: queued behind myoperator-incall/" + head));
    }

    [Test]
    public async Task A_listener_slow_for_every_request_in_parallel_is_not_called_queued()
    {
        await using var listener = await ReferenceListener.StartAsync(
            new ListenerOptions { Mode = ListenerMode.Slow, SlowDelay = TimeSpan.FromMilliseconds(300) }
        );
        var run = await CliRun.InvokeAsync(["run", "--target", listener.BaseUrl.AbsoluteUri, .. Calls]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        Assert.That(run.File("results.json"), Does.Not.Contain("queuedBehind"));
        Assert.That(run.Out, Does.Not.Contain("queued behind"));
    }

    [TestCase("soon", "callhooks: --late-window: ")]
    [TestCase("11m", "callhooks: --late-window: '11m' must be from 0 to 10m")]
    public async Task A_bad_late_window_is_a_usage_error(string value, string expected)
    {
        var run = await CliRun.InvokeAsync("run", "--target", "http://127.0.0.1:9/hook", "--late-window", value);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
        Assert.That(run.Error, Does.StartWith(expected));
    }

    [Test]
    public async Task A_load_run_refuses_a_late_window_because_it_closes_at_the_timeout_as_the_provider_does()
    {
        var run = await CliRun.InvokeAsync(
            "run",
            "--target",
            "http://127.0.0.1:9/hook",
            "--calls",
            "10",
            "--rate",
            "5",
            "--late-window",
            "5s"
        );
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
        Assert.That(
            run.Error,
            Does.Contain("--late-window: conformance runs only; a load run closes a delivery at its timeout, as the provider does")
        );
    }
}
