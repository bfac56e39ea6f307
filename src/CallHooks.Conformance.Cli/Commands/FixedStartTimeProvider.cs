namespace CallHooks.Conformance.Cli.Commands;

/// <summary>
/// The clock for <c>--now</c>: it starts at the given instant and then advances in real time, so pauses and
/// timeouts still work while every timestamp the run prints is reproducible from the instant.
/// </summary>
internal sealed class FixedStartTimeProvider(DateTimeOffset start, TimeProvider real) : TimeProvider
{
    private readonly long origin = real.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start + real.GetElapsedTime(origin);

    public override long GetTimestamp() => real.GetTimestamp();

    public override long TimestampFrequency => real.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        real.CreateTimer(callback, state, dueTime, period);
}
