using Microsoft.Extensions.Time.Testing;

namespace CallHooks.Conformance.Tests.Support;

/// <summary>
/// The framework's <see cref="FakeTimeProvider"/>, with what these tests also need: timestamps counted from the start
/// (a scheduled call's run start can be 0), the time elapsed since, and a signal that the code under test is waiting
/// on a timer, so a test knows when moving the clock is safe.
/// </summary>
internal sealed class ManualTimeProvider : FakeTimeProvider
{
    private readonly DateTimeOffset start;
    private readonly Lock gate = new();
    private int armed;
    private TaskCompletionSource timerPending = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ManualTimeProvider(DateTimeOffset start)
        : base(start) => this.start = start;

    public TimeSpan Elapsed => GetUtcNow() - start;

    public override long GetTimestamp() => base.GetTimestamp() - start.UtcTicks;

    /// <summary>Completes once some timer is pending: then the code under test is waiting on the clock, and moving it is safe.</summary>
    public Task WhenTimerPendingAsync()
    {
        lock (gate)
        {
            if (armed > 0)
                return Task.CompletedTask;
            if (timerPending.Task.IsCompleted)
                timerPending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return timerPending.Task;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new TrackedTimer(this);
        tracked.Inner = base.CreateTimer(
            fired =>
            {
                tracked.Fired(period);
                callback(fired);
            },
            state,
            dueTime,
            period
        );
        tracked.Armed(dueTime);
        return tracked;
    }

    private void Count(int change)
    {
        lock (gate)
        {
            armed += change;
            if (armed > 0)
                timerPending.TrySetResult();
        }
    }

    /// <summary>A timer counted as pending from the time it is armed until it fires (one-shot), is changed to never, or is disposed.</summary>
    private sealed class TrackedTimer(ManualTimeProvider owner) : ITimer
    {
        private int pending;

        public ITimer Inner { get; set; } = null!;

        public void Armed(TimeSpan dueTime)
        {
            if (dueTime != Timeout.InfiniteTimeSpan && Interlocked.Exchange(ref pending, 1) == 0)
                owner.Count(+1);
        }

        public void Fired(TimeSpan period)
        {
            if ((period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero) && Interlocked.Exchange(ref pending, 0) == 1)
                owner.Count(-1);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Disarm();
            var changed = Inner.Change(dueTime, period);
            Armed(dueTime);
            return changed;
        }

        public void Dispose()
        {
            Disarm();
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void Disarm()
        {
            if (Interlocked.Exchange(ref pending, 0) == 1)
                owner.Count(-1);
        }
    }
}
