using System.Threading.Channels;
using CallHooks.Conformance.Running.Load;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Running.Load;

/// <summary>
/// The scheduler on a hand-moved clock: each test waits for the scheduler to report a started call before it moves
/// time again, so what is asserted never depends on thread timing.
/// </summary>
public sealed class LoadSchedulerTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Calls_start_on_schedule_while_earlier_calls_are_still_in_progress()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var harness = new Harness(time);
        var run = new LoadScheduler(new LoadSchedule(rate: 10, calls: 3, duration: null), concurrency: 10, time).RunAsync(
            harness.Play,
            CancellationToken.None
        );

        var first = await harness.NextStartAsync();
        time.Advance(TimeSpan.FromMilliseconds(100));
        var second = await harness.NextStartAsync();
        time.Advance(TimeSpan.FromMilliseconds(100));
        var third = await harness.NextStartAsync();

        Assert.That(
            new[] { first, second, third }.Select(call =>
                (call.Index, call.ScheduledOffset.TotalMilliseconds, call.StartedOffset.TotalMilliseconds)
            ),
            Is.EqualTo(new[] { (0L, 0.0, 0.0), (1L, 100.0, 100.0), (2L, 200.0, 200.0) }),
            "none of them finished, none of them waited"
        );
        harness.FinishAll();
        Assert.That(await run.WaitAsync(Guard), Is.EqualTo(3));
    }

    [Test]
    public async Task A_due_call_waits_for_a_free_slot_and_the_wait_is_reported_with_it()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var harness = new Harness(time);
        var run = new LoadScheduler(new LoadSchedule(rate: 10, calls: 3, duration: null), concurrency: 1, time).RunAsync(
            harness.Play,
            CancellationToken.None
        );

        var first = await harness.NextStartAsync();
        time.Advance(TimeSpan.FromMilliseconds(250));
        Assert.That(harness.Started, Is.EqualTo(1), "calls 1 and 2 are due but the only slot is taken");
        harness.Finish(0);
        var second = await harness.NextStartAsync();
        time.Advance(TimeSpan.FromMilliseconds(50));
        harness.Finish(1);
        var third = await harness.NextStartAsync();
        harness.Finish(2);
        await run.WaitAsync(Guard);

        Assert.That(first.Queued, Is.EqualTo(TimeSpan.Zero));
        Assert.That(
            (second.ScheduledOffset.TotalMilliseconds, second.StartedOffset.TotalMilliseconds, second.Queued.TotalMilliseconds),
            Is.EqualTo((100.0, 250.0, 150.0))
        );
        Assert.That(
            (third.ScheduledOffset.TotalMilliseconds, third.StartedOffset.TotalMilliseconds, third.Queued.TotalMilliseconds),
            Is.EqualTo((200.0, 300.0, 100.0))
        );
    }

    [Test]
    public async Task Cancelling_stops_new_calls_and_waits_for_the_ones_in_progress()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var harness = new Harness(time);
        using var cancel = new CancellationTokenSource();
        var run = new LoadScheduler(new LoadSchedule(rate: 1, calls: 100, duration: null), concurrency: 5, time).RunAsync(
            harness.Play,
            cancel.Token
        );
        await harness.NextStartAsync();
        await cancel.CancelAsync();
        Assert.That(run.IsCompleted, Is.False, "call 0 is still in progress");
        harness.Finish(0);
        Assert.That(await run.WaitAsync(Guard), Is.EqualTo(1));
    }

    /// <summary>Plays calls that stay in progress until the test finishes them, and reports each start.</summary>
    private sealed class Harness(ManualTimeProvider time)
    {
        private readonly Channel<ScheduledCall> starts = Channel.CreateUnbounded<ScheduledCall>();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<long, TaskCompletionSource> running = new();
        private int started;

        public int Started => Volatile.Read(ref started);

        public Task Play(ScheduledCall call)
        {
            Assert.That(time.Elapsed, Is.EqualTo(call.StartedOffset), "a call starts at the moment it is released");
            Interlocked.Increment(ref started);
            var done = running.GetOrAdd(call.Index, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            starts.Writer.TryWrite(call);
            return done.Task;
        }

        public async Task<ScheduledCall> NextStartAsync() => await starts.Reader.ReadAsync().AsTask().WaitAsync(Guard);

        public void Finish(long index) => running[index].SetResult();

        public void FinishAll()
        {
            foreach (var call in running.Values)
                call.TrySetResult();
        }
    }
}
