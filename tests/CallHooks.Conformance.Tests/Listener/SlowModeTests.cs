using System.Net;
using CallHooks.Conformance.Listener;

namespace CallHooks.Conformance.Tests.Listener;

/// <summary>
/// The slow-inline-work bug: every webhook answer waits <see cref="ListenerOptions.SlowDelay"/> on the listener's
/// clock. The test clock hands over the timer, so the wait is proven without waiting.
/// </summary>
public sealed class SlowModeTests : ListenerTestBase
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private TimerClock timers = null!;

    internal override void Configure(ListenerOptions options)
    {
        timers = new TimerClock(ClockStart);
        options.Clock = timers;
        options.Mode = ListenerMode.Slow;
    }

    [Test]
    public async Task Webhook_answer_waits_for_the_default_delay_of_one_and_a_half_seconds()
    {
        var pending = ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.SeedSample));

        var timer = await timers.NextTimer.WaitAsync(Bound);
        var answeredBeforeTheTimer = pending.IsCompleted;
        timer.Fire();
        var reply = await pending.WaitAsync(Bound);

        Assert.Multiple(() =>
        {
            Assert.That(timer.DueTime, Is.EqualTo(TimeSpan.FromMilliseconds(1500)));
            Assert.That(answeredBeforeTheTimer, Is.False);
            Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Body);
        });
    }

    [Test]
    public async Task Webhook_answer_waits_for_a_custom_delay()
    {
        var clock = new TimerClock(ClockStart);
        await using var slow = await ReferenceListener.StartAsync(
            new ListenerOptions
            {
                Mode = ListenerMode.Slow,
                SlowDelay = TimeSpan.FromSeconds(3),
                Clock = clock,
            }
        );
        using var client = new HttpClient { BaseAddress = slow.BaseUrl };
        var pending = ListenerKit.PostAsync(client, ListenerKit.Form(ListenerKit.SeedSample));

        var timer = await clock.NextTimer.WaitAsync(Bound);
        timer.Fire();
        var reply = await pending.WaitAsync(Bound);

        Assert.That(timer.DueTime, Is.EqualTo(TimeSpan.FromSeconds(3)));
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Health_and_record_lookups_answer_without_delay()
    {
        var health = await ListenerKit.SendAsync(Client, HttpMethod.Get, "/healthz").WaitAsync(Bound);
        var record = await ListenerKit.SendAsync(Client, HttpMethod.Get, "/calls/" + ListenerKit.SeedUid).WaitAsync(Bound);

        Assert.Multiple(() =>
        {
            Assert.That(health.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(record.Status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(timers.AnyTimerCreated, Is.False);
        });
    }
}
