namespace CallHooks.Conformance.Delivery;

/// <summary>
/// How long callhooks keeps reading a delivery's connection after its time budget ran out, to report what finally
/// came (<see cref="LateAnswer"/>). By default as long again as the budget, and never past 60 s after sending: long
/// enough to see a handler that answers a few seconds late, short enough that a stuck listener does not stall the run.
/// </summary>
internal static class LateReading
{
    public static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(60);

    /// <summary>The default extra time after a budget of <paramref name="timeout"/>.</summary>
    public static TimeSpan DefaultWindow(TimeSpan timeout)
    {
        var room = Ceiling - timeout;
        return room <= TimeSpan.Zero ? TimeSpan.Zero
            : timeout < room ? timeout
            : room;
    }

    /// <summary>When to stop reading, from sending. <paramref name="window"/>: <c>--late-window</c>, the extra time; zero turns late reading off.</summary>
    public static TimeSpan Until(TimeSpan timeout, TimeSpan? window) => timeout + (window ?? DefaultWindow(timeout));
}
