namespace CallHooks.Conformance.Tests.Support;

/// <summary>
/// A clock and timer source the test moves by hand: <see cref="Advance"/> moves time and fires every timer that
/// has come due, in due order, on the calling thread. Timestamps tick in 100 ns units.
/// </summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<ManualTimer> timers = [];
    private long ticks;
    private TaskCompletionSource timerPending = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
            return start.AddTicks(ticks);
    }

    public override long GetTimestamp()
    {
        lock (gate)
            return ticks;
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public TimeSpan Elapsed => TimeSpan.FromTicks(GetTimestamp());

    /// <summary>Completes once some timer is pending: then the code under test is waiting on the clock, and moving it is safe.</summary>
    public Task WhenTimerPendingAsync()
    {
        lock (gate)
        {
            if (timers.Count > 0)
                return Task.CompletedTask;
            if (timerPending.Task.IsCompleted)
                timerPending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return timerPending.Task;
        }
    }

    public void Advance(TimeSpan by)
    {
        long target;
        lock (gate)
            target = ticks + by.Ticks;
        while (true)
        {
            ManualTimer? due;
            lock (gate)
            {
                due = timers.Where(timer => timer.DueAt <= target).MinBy(timer => timer.DueAt);
                if (due is null)
                {
                    // A callback may have moved time further (a fake listener "taking" 20 ms): never go back.
                    ticks = Math.Max(ticks, target);
                    return;
                }

                ticks = Math.Max(ticks, due.DueAt);
                due.Reschedule(this);
            }

            due.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private long period = -1;

        public long DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner.gate)
            {
                owner.timers.Remove(this);
                this.period = period == Timeout.InfiniteTimeSpan ? -1 : period.Ticks;
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    DueAt = owner.ticks + dueTime.Ticks;
                    owner.timers.Add(this);
                    owner.timerPending.TrySetResult();
                }
            }

            return true;
        }

        /// <summary>Called under the owner's lock when the timer fires: periodic timers go again, others are done.</summary>
        public void Reschedule(ManualTimeProvider provider)
        {
            provider.timers.Remove(this);
            if (period > 0)
            {
                DueAt += period;
                provider.timers.Add(this);
            }
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner.gate)
                owner.timers.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
