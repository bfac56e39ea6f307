namespace CallHooks.Conformance.Running.Load;

/// <summary>The deliveries of one provider, or one provider's event: counts and both latency histograms.</summary>
internal sealed class LatencyGroup(string provider, string? eventId)
{
    private long deliveries;
    private long failed;

    public LatencyHistogram Scheduled { get; } = new();

    public LatencyHistogram Sent { get; } = new();

    public void Record(LoadDelivery delivery)
    {
        Interlocked.Increment(ref deliveries);
        if (delivery.Reason is not null)
            Interlocked.Increment(ref failed);
        Scheduled.RecordMilliseconds(delivery.ScheduledMs);
        Sent.RecordMilliseconds(delivery.SentMs);
    }

    public LoadGroupSummary Summary() => new(
        provider, eventId, Interlocked.Read(ref deliveries), Interlocked.Read(ref failed), Scheduled.Percentiles(), Sent.Percentiles());
}
