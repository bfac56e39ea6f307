namespace CallHooks.Conformance.Running.Load;

/// <summary>
/// When each call of an open-model load run is due: call k at k / rate seconds after the start, whether or not
/// earlier calls have finished. The run ends after <see cref="Calls"/> calls or when the next call would start at
/// or after <see cref="Duration"/>, whichever comes first.
/// </summary>
internal sealed class LoadSchedule
{
    public LoadSchedule(double rate, long? calls, TimeSpan? duration)
    {
        if (!double.IsFinite(rate) || rate <= 0)
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "the rate must be a positive number of calls per second");
        if (calls is null && duration is null)
            throw new ArgumentException("a load run needs a number of calls, a duration, or both", nameof(calls));
        Rate = rate;
        Calls = calls;
        Duration = duration;
        // Worked out here, once: every scheduler slot reads it concurrently.
        Total = Math.Min(Calls ?? long.MaxValue, Duration is { } limit ? CallsBefore(limit) : long.MaxValue);
    }

    /// <summary>New calls per second.</summary>
    public double Rate { get; }

    public long? Calls { get; }

    public TimeSpan? Duration { get; }

    /// <summary>When call <paramref name="callIndex"/> is due, measured from the start of the run.</summary>
    public TimeSpan OffsetOf(long callIndex) => TimeSpan.FromTicks((long)Math.Round(callIndex * (TimeSpan.TicksPerSecond / Rate)));

    /// <summary>True when call <paramref name="callIndex"/> is not part of the run.</summary>
    public bool IsPastEnd(long callIndex) => callIndex >= Total;

    /// <summary>How many calls are due by <paramref name="elapsed"/> (all calls with an offset at or before it).</summary>
    public long DueBy(TimeSpan elapsed)
    {
        if (elapsed < TimeSpan.Zero)
            return 0;
        var due = (long)Math.Floor(elapsed.Ticks * Rate / TimeSpan.TicksPerSecond) + 1;
        // Floating-point rounding may put the boundary call one off; the offsets decide.
        while (due > 0 && OffsetOf(due - 1) > elapsed)
            due--;
        while (OffsetOf(due) <= elapsed)
            due++;
        return Math.Min(due, Total);
    }

    /// <summary>The number of calls in the run: the count, or the calls due strictly before the duration ends, whichever is fewer.</summary>
    public long Total { get; }

    private long CallsBefore(TimeSpan duration)
    {
        var n = (long)Math.Ceiling(duration.Ticks * Rate / TimeSpan.TicksPerSecond);
        while (n > 0 && OffsetOf(n - 1) >= duration)
            n--;
        while (OffsetOf(n) < duration)
            n++;
        return n;
    }
}
