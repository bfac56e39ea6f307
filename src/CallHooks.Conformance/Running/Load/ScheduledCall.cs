namespace CallHooks.Conformance.Running.Load;

/// <summary>
/// One call of a load run as the scheduler released it.
/// </summary>
/// <param name="Index">Zero-based call number; it picks the scenario (round robin) and seeds the call's data.</param>
/// <param name="RunStart">The run's start as a <see cref="TimeProvider"/> timestamp.</param>
/// <param name="ScheduledOffset">When the call was due, from the run start (index / rate).</param>
/// <param name="StartedOffset">When the scheduler actually released it: later than due when the concurrency cap was hit.</param>
internal sealed record ScheduledCall(long Index, long RunStart, TimeSpan ScheduledOffset, TimeSpan StartedOffset)
{
    /// <summary>How long the call waited for a free slot (or for a lagging scheduler) before it could start.</summary>
    public TimeSpan Queued => StartedOffset - ScheduledOffset;
}
