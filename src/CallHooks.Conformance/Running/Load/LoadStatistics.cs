using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Running.Load;

/// <summary>
/// Counts and histograms of a load run, updated as deliveries complete on any thread: fixed memory per provider's
/// event (two <see cref="LatencyHistogram"/>s of three 21 KB HdrHistograms each), so a run of any length is summarised
/// in the same bounded memory: under 6 MB for the suite's forty-odd events.
/// </summary>
/// <remarks>
/// A delivery is recorded once, into its provider and event's group; a provider's figures and the run's are those
/// groups added up when a summary is asked for (a few times a second at most). Recording each delivery into all three
/// levels tripled the counters touched per delivery, for figures only read at the end and by the progress display.
/// </remarks>
internal sealed class LoadStatistics(double targetRate, int concurrency, TimeProvider time) : ILoadSink
{
    private readonly ConcurrentDictionary<(string Provider, string Event), LatencyGroup> byEvent = new();
    private readonly ConcurrentDictionary<string, StrongBox<long>> errors = new(StringComparer.Ordinal);
    private readonly long created = time.GetTimestamp();
    private long started;
    private long lastStartTicks;
    private long completed;
    private long failedCalls;
    private long interruptedCalls;
    private long cutOff;

    /// <summary>Called by the scheduler as each call starts, to measure the rate achieved.</summary>
    public void OnStart(ScheduledCall call)
    {
        Interlocked.Increment(ref started);
        var ticks = call.StartedOffset.Ticks;
        var last = Interlocked.Read(ref lastStartTicks);
        while (ticks > last && Interlocked.CompareExchange(ref lastStartTicks, ticks, last) != last)
            last = Interlocked.Read(ref lastStartTicks);
    }

    public void OnDelivery(LoadDelivery delivery)
    {
        // A delivery the interruption cut off says nothing of the listener: counted apart, never as its failure.
        if (delivery.Delivery.Observation.Failure?.Kind is Delivery.FailureKind.Cancelled)
        {
            Interlocked.Increment(ref cutOff);
            return;
        }

        byEvent.GetOrAdd((delivery.Provider, delivery.Delivery.Event), key => new LatencyGroup(key.Provider, key.Event)).Record(delivery);
        if (delivery.Reason is { } reason)
            Interlocked.Increment(ref errors.GetOrAdd(reason, _ => new StrongBox<long>()).Value);
    }

    public void OnCall(long callIndex, ScenarioResult call)
    {
        if (call.Interrupted)
        {
            Interlocked.Increment(ref interruptedCalls);
            return;
        }

        Interlocked.Increment(ref completed);
        if (!call.Passed)
            Interlocked.Increment(ref failedCalls);
    }

    /// <summary>A consistent-enough snapshot at any moment (each counter is read once; a run in progress moves on).</summary>
    public LoadSummary Summary()
    {
        var elapsed = time.GetElapsedTime(created);
        var events = byEvent.Values.ToList();
        // Each event's counters are read once: into its provider's sum, and the run's is the providers' sums added up.
        var providers = events
            .GroupBy(group => group.Provider, StringComparer.Ordinal)
            .Select(provider => LatencyGroup.Sum(provider.Key, provider.ToList()))
            .OrderBy(group => group.Provider, StringComparer.Ordinal)
            .ToList();
        var all = LatencyGroup.Sum("", providers).Summary();
        var startedCalls = Interlocked.Read(ref started);
        var lastStart = TimeSpan.FromTicks(Interlocked.Read(ref lastStartTicks));
        return new LoadSummary
        {
            TargetRate = targetRate,
            AchievedRate = startedCalls > 1 && lastStart > TimeSpan.Zero ? (startedCalls - 1) / lastStart.TotalSeconds : 0,
            Concurrency = concurrency,
            CallsStarted = startedCalls,
            CallsCompleted = Interlocked.Read(ref completed),
            CallsFailed = Interlocked.Read(ref failedCalls),
            CallsInterrupted = Interlocked.Read(ref interruptedCalls),
            DeliveriesCutOff = Interlocked.Read(ref cutOff),
            Deliveries = all.Deliveries,
            DeliveriesFailed = all.Failed,
            DeliveriesPerSecond = elapsed > TimeSpan.Zero ? all.Deliveries / elapsed.TotalSeconds : 0,
            Elapsed = elapsed,
            Latency = all.Latency,
            Sent = all.Sent,
            ByProvider = providers.Select(group => group.Summary()).ToList(),
            ByEvent = events
                .Select(group => group.Summary())
                .OrderBy(group => group.Provider, StringComparer.Ordinal)
                .ThenBy(group => group.Event, StringComparer.Ordinal)
                .ToList(),
            Errors = errors
                .Select(pair => KeyValuePair.Create(pair.Key, Interlocked.Read(ref pair.Value.Value)))
                .OrderByDescending(pair => pair.Value)
                .ThenBy(pair => pair.Key, StringComparer.Ordinal)
                .ToList(),
        };
    }
}
