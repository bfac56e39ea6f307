using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Reporting.Model;

/// <summary>Latency of one event type: nearest-rank percentiles over the deliveries that got a response.</summary>
internal sealed record EventLatency(string Provider, string Event, int Answered, int NoResponse, double? P50, double? P90, double? P99, double? Max);

/// <summary>How many answered deliveries took at most <see cref="UpToMs"/> (and more than the bucket before); null is the open last bucket.</summary>
internal sealed record HistogramBucket(double? UpToMs, int Count);

/// <summary>
/// Latency figures for the reports. Only deliveries that got a response count: a timeout or refused connection
/// says nothing about how fast the listener answers, so those are counted apart as "no response".
/// </summary>
internal static class LatencyStats
{
    /// <summary>Bucket upper bounds in milliseconds: roughly logarithmic, because webhook latencies span 1 ms to seconds.</summary>
    public static readonly IReadOnlyList<double> BucketBounds = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];

    public static IReadOnlyList<EventLatency> ByEvent(RunResult result) =>
        result.Scenarios
            .SelectMany(scenario => scenario.Deliveries.Select(delivery => (scenario.Provider, Delivery: delivery)))
            .GroupBy(item => (item.Provider, item.Delivery.Event))
            .Select(group =>
            {
                var sorted = Answered(group.Select(item => item.Delivery)).Order().ToList();
                var noResponse = group.Count() - sorted.Count;
                return new EventLatency(group.Key.Provider, group.Key.Event, sorted.Count, noResponse,
                    Percentile(sorted, 50), Percentile(sorted, 90), Percentile(sorted, 99), sorted.Count == 0 ? null : sorted[^1]);
            })
            .ToList();

    public static IReadOnlyList<HistogramBucket> Histogram(RunResult result)
    {
        var counts = new int[BucketBounds.Count + 1];
        foreach (var latency in Answered(result.Scenarios.SelectMany(scenario => scenario.Deliveries)))
        {
            var bucket = 0;
            while (bucket < BucketBounds.Count && latency > BucketBounds[bucket])
                bucket++;
            counts[bucket]++;
        }

        return counts.Select((count, bucket) => new HistogramBucket(bucket < BucketBounds.Count ? BucketBounds[bucket] : null, count)).ToList();
    }

    /// <summary>Nearest-rank percentile of an ascending list: the smallest value with at least p% of values at or below it.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double percent)
    {
        if (sorted.Count == 0)
            return null;
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static IEnumerable<double> Answered(IEnumerable<DeliveryResult> deliveries) =>
        deliveries
            .Where(delivery => delivery.Observation.Response is not null && double.IsFinite(delivery.Observation.LatencyMs))
            .Select(delivery => delivery.Observation.LatencyMs);
}
