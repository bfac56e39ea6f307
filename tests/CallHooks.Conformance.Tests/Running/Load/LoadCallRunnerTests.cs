using System.Text;
using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Running;
using CallHooks.Conformance.Running.Load;
using CallHooks.Conformance.Tests.Support;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Tests.Running.Load;

/// <summary>
/// One load call against a fake sender whose answers take a fixed time on a hand-moved clock: the latency from the
/// scheduled send time counts the wait for a slot; the latency from the actual send does not.
/// </summary>
public sealed class LoadCallRunnerTests
{
    private static readonly TimeSpan ListenerTakes = TimeSpan.FromMilliseconds(20);

    [Test]
    public async Task A_call_held_back_by_the_concurrency_cap_carries_the_wait_in_its_first_event_only()
    {
        var time = new ManualTimeProvider(Fixtures.Now);
        var sink = new RecordingSink();
        var runner = new LoadCallRunner(Plan("obd-no-answer", pace: 0), Answering(time), time);
        time.Advance(TimeSpan.FromMilliseconds(350));

        // Due at 100 ms, released at 350 ms: it waited 250 ms for a slot.
        await runner.PlayAsync(
            new ScheduledCall(0, 0, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(350)),
            sink,
            CancellationToken.None
        );

        var deliveries = sink.Deliveries.ToArray();
        Assert.That(
            deliveries.Select(delivery => (delivery.QueuedMs, delivery.SentMs, delivery.ScheduledMs)),
            Is.EqualTo(new[] { (250.0, 20.0, 270.0), (0.0, 20.0, 20.0) })
        );
        Assert.That(deliveries.Select(delivery => delivery.Reason), Is.All.Null);
    }

    [Test]
    public async Task Paced_pauses_run_in_wall_time_while_payload_times_follow_the_scenario()
    {
        var time = new ManualTimeProvider(Fixtures.Now);
        var sink = new RecordingSink();
        var runner = new LoadCallRunner(Plan("incoming-missed", pace: 0.5), Answering(time), time);
        var play = runner.PlayAsync(new ScheduledCall(0, 0, TimeSpan.Zero, TimeSpan.Zero), sink, CancellationToken.None);

        // incoming-missed pauses 100 ms before events 2 and 3; at pace 0.5 each pause takes 50 ms.
        while (!play.IsCompleted)
        {
            await Task.WhenAny(play, time.WhenTimerPendingAsync()).WaitAsync(TimeSpan.FromSeconds(10));
            if (!play.IsCompleted)
                time.Advance(TimeSpan.FromMilliseconds(50));
        }

        var result = await play;
        Assert.That(
            result.Deliveries.Select(delivery => (delivery.EventTime - result.Deliveries[0].EventTime).TotalMilliseconds),
            Is.EqualTo(new[] { 0.0, 100, 200 })
        );
        Assert.That(
            sink.Deliveries.Select(delivery => delivery.QueuedMs),
            Is.All.EqualTo(0.0),
            "each event went out when its paced pause ended"
        );
        Assert.That(time.Elapsed, Is.EqualTo(TimeSpan.FromMilliseconds(160)), "three answers of 20 ms and two pauses of 50 ms");
    }

    [Test]
    public async Task Every_call_gets_its_own_data_and_the_same_index_gives_the_same_bytes()
    {
        var time = new ManualTimeProvider(Fixtures.Now);
        var bodies = new List<string>();
        Task<Observation> Capture(WebhookRequest request, TimeSpan timeout, CancellationToken cancellationToken)
        {
            bodies.Add(request.Url + " " + Encoding.UTF8.GetString(request.Body.Span));
            return Answering(time)(request, timeout, cancellationToken);
        }

        var runner = new LoadCallRunner(Plan("obd-no-answer", pace: 0), Capture, time);
        var calls = new List<string>();
        foreach (var index in new long[] { 0, 1, 0 })
            calls.Add(
                (
                    await runner.PlayAsync(
                        new ScheduledCall(index, 0, TimeSpan.Zero, TimeSpan.Zero),
                        new RecordingSink(),
                        CancellationToken.None
                    )
                ).CallId
            );

        Assert.That(calls[0], Is.Not.EqualTo(calls[1]));
        Assert.That(calls[2], Is.EqualTo(calls[0]));
        Assert.That(bodies[4..6], Is.EqualTo(bodies[0..2]), "call 0 replays byte for byte");
        Assert.That(bodies[2], Is.Not.EqualTo(bodies[0]));
    }

    [Test]
    public async Task A_failed_delivery_is_counted_under_its_reason()
    {
        var time = new ManualTimeProvider(Fixtures.Now);
        var sink = new RecordingSink();
        Task<Observation> Fail(WebhookRequest request, TimeSpan timeout, CancellationToken cancellationToken) =>
            Task.FromResult(
                new Observation
                {
                    SentAt = time.GetUtcNow(),
                    LatencyMs = 1,
                    Response = new ObservedResponse(503, "Service Unavailable", [], "", 0, false, 1),
                }
            );
        await new LoadCallRunner(Plan("obd-no-answer", pace: 0), Fail, time).PlayAsync(
            new ScheduledCall(0, 0, TimeSpan.Zero, TimeSpan.Zero),
            sink,
            CancellationToken.None
        );
        Assert.That(sink.Deliveries.Select(delivery => delivery.Reason), Is.All.EqualTo("status 503"));
    }

    internal static LoadPlan Plan(string scenario, double pace) =>
        new()
        {
            Run = new RunPlan
            {
                Scenarios = [Fixtures.Scenario(scenario)],
                Config = Fixtures.Config(),
                Seed = Fixtures.Seed,
                CallStart = Fixtures.Now,
            },
            Schedule = new LoadSchedule(10, 10, null),
            Concurrency = 1,
            Pace = pace,
        };

    /// <summary>Answers 200 after <see cref="ListenerTakes"/> of manual time, synchronously.</summary>
    internal static WebhookRequestSender Answering(ManualTimeProvider time) =>
        (request, timeout, cancellationToken) =>
        {
            var sentAt = time.GetUtcNow();
            time.Advance(ListenerTakes);
            return Task.FromResult(
                new Observation
                {
                    SentAt = sentAt,
                    LatencyMs = ListenerTakes.TotalMilliseconds,
                    Response = new ObservedResponse(200, "OK", [], "ok", 2, false, ListenerTakes.TotalMilliseconds),
                }
            );
        };
}
