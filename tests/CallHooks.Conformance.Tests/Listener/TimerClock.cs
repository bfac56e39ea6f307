namespace CallHooks.Conformance.Tests.Listener;

/// <summary>
/// A clock whose timers only fire when the test says so. Each timer the listener creates is handed to the test
/// through <see cref="NextTimer"/>, with the due time asked for: a delay is proven without waiting for it.
/// </summary>
internal sealed class TimerClock(DateTimeOffset now) : TimeProvider
{
    private readonly TaskCompletionSource<ManualTimer> created = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The first timer created; later timers are not expected by the tests that use this clock.</summary>
    public Task<ManualTimer> NextTimer => created.Task;

    public bool AnyTimerCreated => created.Task.IsCompleted;

    public override DateTimeOffset GetUtcNow() => now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(callback, state, dueTime);
        created.TrySetResult(timer);
        return timer;
    }

    internal sealed class ManualTimer(TimerCallback callback, object? state, TimeSpan dueTime) : ITimer
    {
        public TimeSpan DueTime { get; private set; } = dueTime;

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            DueTime = dueTime;
            return true;
        }

        public void Dispose() { }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
