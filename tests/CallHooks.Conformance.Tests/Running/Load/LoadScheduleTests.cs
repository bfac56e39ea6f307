using CallHooks.Conformance.Running.Load;

namespace CallHooks.Conformance.Tests.Running.Load;

public sealed class LoadScheduleTests
{
    [Test]
    public void Call_k_is_due_at_k_over_the_rate()
    {
        var schedule = new LoadSchedule(rate: 4, calls: 10, duration: null);
        Assert.That(
            Enumerable.Range(0, 5).Select(k => schedule.OffsetOf(k).TotalMilliseconds),
            Is.EqualTo(new[] { 0, 250, 500, 750, 1000 })
        );
    }

    [Test]
    public void A_fractional_rate_spaces_calls_seconds_apart()
    {
        var schedule = new LoadSchedule(rate: 0.5, calls: 3, duration: null);
        Assert.That(schedule.OffsetOf(2), Is.EqualTo(TimeSpan.FromSeconds(4)));
    }

    [Test]
    public void A_count_ends_the_run_after_that_many_calls()
    {
        var schedule = new LoadSchedule(rate: 1000, calls: 3, duration: null);
        Assert.That(schedule.Total, Is.EqualTo(3));
        Assert.That(schedule.IsPastEnd(2), Is.False);
        Assert.That(schedule.IsPastEnd(3), Is.True);
    }

    [Test]
    public void A_duration_keeps_only_calls_due_strictly_before_it_ends()
    {
        // 10 per second for 1 s: calls at 0, 100, ..., 900 ms; the one due at 1000 ms is past the end.
        var schedule = new LoadSchedule(rate: 10, calls: null, duration: TimeSpan.FromSeconds(1));
        Assert.That(schedule.Total, Is.EqualTo(10));
    }

    [Test]
    public void With_a_count_and_a_duration_whichever_comes_first_ends_the_run()
    {
        Assert.That(new LoadSchedule(10, calls: 5, duration: TimeSpan.FromSeconds(1)).Total, Is.EqualTo(5));
        Assert.That(new LoadSchedule(10, calls: 50, duration: TimeSpan.FromSeconds(1)).Total, Is.EqualTo(10));
    }

    [Test]
    public void Due_calls_are_counted_up_to_and_including_the_instant()
    {
        var schedule = new LoadSchedule(rate: 3, calls: 100, duration: null);
        Assert.That(schedule.DueBy(TimeSpan.Zero), Is.EqualTo(1));
        Assert.That(schedule.DueBy(TimeSpan.FromTicks(3_333_332)), Is.EqualTo(1));
        Assert.That(schedule.DueBy(TimeSpan.FromTicks(3_333_333)), Is.EqualTo(2), "call 1 is due at 333.3333 ms");
        Assert.That(schedule.DueBy(TimeSpan.FromSeconds(1)), Is.EqualTo(4));
        Assert.That(schedule.DueBy(TimeSpan.FromHours(1)), Is.EqualTo(100), "never more than the run holds");
    }

    [Test]
    public void A_run_without_count_or_duration_or_with_no_rate_is_refused()
    {
        Assert.That(() => new LoadSchedule(10, null, null), Throws.ArgumentException);
        Assert.That(() => new LoadSchedule(0, 5, null), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
