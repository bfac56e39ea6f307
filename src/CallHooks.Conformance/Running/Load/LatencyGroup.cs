namespace CallHooks.Conformance.Running.Load;

/// <summary>The deliveries of one provider's event: counts and both latency histograms.</summary>
internal sealed class LatencyGroup(string provider, string eventId)
{
    private long deliveries;
    private long failed;

    public string Provider { get; } = provider;

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
        Provider, eventId, Interlocked.Read(ref deliveries), Interlocked.Read(ref failed), Scheduled.Percentiles(), Sent.Percentiles());

    /// <summary>A provider's or the whole run's figures: its events' groups added up (see <see cref="LatencyHistogram.Sum"/>).</summary>
    public static LoadGroupSummary Summary(string provider, IReadOnlyCollection<LatencyGroup> groups) => new(
        provider,
        null,
        groups.Sum(group => Interlocked.Read(ref group.deliveries)),
        groups.Sum(group => Interlocked.Read(ref group.failed)),
        LatencyHistogram.Sum(groups.Select(group => group.Scheduled)).Percentiles(),
        LatencyHistogram.Sum(groups.Select(group => group.Sent)).Percentiles());
}
