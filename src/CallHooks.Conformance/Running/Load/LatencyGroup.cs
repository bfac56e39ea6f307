namespace CallHooks.Conformance.Running.Load;

/// <summary>
/// The deliveries of one provider's event: counts and both latency histograms. A provider's figures and the run's are
/// such groups added up (<see cref="Sum"/>).
/// </summary>
internal sealed class LatencyGroup
{
    private readonly string? eventId;
    private long deliveries;
    private long failed;

    public LatencyGroup(string provider, string? eventId)
        : this(provider, eventId, new LatencyHistogram(), new LatencyHistogram()) { }

    private LatencyGroup(string provider, string? eventId, LatencyHistogram scheduled, LatencyHistogram sent)
    {
        Provider = provider;
        this.eventId = eventId;
        Scheduled = scheduled;
        Sent = sent;
    }

    public string Provider { get; }

    public LatencyHistogram Scheduled { get; }

    public LatencyHistogram Sent { get; }

    public void Record(LoadDelivery delivery)
    {
        Interlocked.Increment(ref deliveries);
        if (delivery.Reason is not null)
            Interlocked.Increment(ref failed);
        Scheduled.RecordMilliseconds(delivery.ScheduledMs);
        Sent.RecordMilliseconds(delivery.SentMs);
    }

    public LoadGroupSummary Summary() =>
        new(Provider, eventId, Interlocked.Read(ref deliveries), Interlocked.Read(ref failed), Scheduled.Percentiles(), Sent.Percentiles());

    /// <summary>A snapshot of <paramref name="groups"/> added up (see <see cref="LatencyHistogram.Sum"/>), as one group of the provider's.</summary>
    public static LatencyGroup Sum(string provider, IReadOnlyCollection<LatencyGroup> groups) =>
        new(
            provider,
            null,
            LatencyHistogram.Sum(groups.Select(group => group.Scheduled)),
            LatencyHistogram.Sum(groups.Select(group => group.Sent))
        )
        {
            deliveries = groups.Sum(group => Interlocked.Read(ref group.deliveries)),
            failed = groups.Sum(group => Interlocked.Read(ref group.failed)),
        };
}
