using CallHooks.Conformance.Results;
using CallHooks.Conformance.Running.Load;

namespace CallHooks.Conformance.Reporting.Model;

/// <summary>
/// Latency figures for the reports. Only deliveries that got a response count: a timeout or refused connection
/// says nothing about how fast the listener answers, so those are counted apart as "no response". Percentiles come
/// from <see cref="LatencyHistogram"/>, as a load run's do: the product has one percentile definition.
/// </summary>
internal static class LatencyStats
{
    /// <summary>Bucket upper bounds in milliseconds: roughly logarithmic, because webhook latencies span 1 ms to seconds.</summary>
    public static readonly IReadOnlyList<double> BucketBounds = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];

    public static IReadOnlyList<EventLatency> ByEvent(RunResult result) =>
        result
            .Scenarios.SelectMany(scenario => scenario.Deliveries.Select(delivery => (scenario.Provider, Delivery: delivery)))
            .GroupBy(item => (item.Provider, item.Delivery.Event))
            .Select(group =>
            {
                var histogram = Of(group.Select(item => item.Delivery));
                var noResponse = group.Count() - (int)histogram.Count;
                return histogram.Count == 0
                    ? new EventLatency(group.Key.Provider, group.Key.Event, 0, noResponse, null, null, null, null)
                    : new EventLatency(
                        group.Key.Provider,
                        group.Key.Event,
                        (int)histogram.Count,
                        noResponse,
                        histogram.PercentileMs(0.50),
                        histogram.PercentileMs(0.90),
                        histogram.PercentileMs(0.99),
                        histogram.MaxMs
                    );
            })
            .ToList();

    /// <summary>The median latency of the deliveries that got a response; null when none did.</summary>
    public static double? Median(IEnumerable<DeliveryResult> deliveries) =>
        Of(deliveries) is { Count: > 0 } histogram ? histogram.PercentileMs(0.50) : null;

    /// <summary>The latencies of the deliveries that got a response, in the product's one histogram.</summary>
    public static LatencyHistogram Of(IEnumerable<DeliveryResult> deliveries)
    {
        var histogram = new LatencyHistogram();
        foreach (var latency in Answered(deliveries))
            histogram.RecordMilliseconds(latency);
        return histogram;
    }

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

        return counts
            .Select((count, bucket) => new HistogramBucket(bucket < BucketBounds.Count ? BucketBounds[bucket] : null, count))
            .ToList();
    }

    private static IEnumerable<double> Answered(IEnumerable<DeliveryResult> deliveries) =>
        deliveries
            .Where(delivery => delivery.Observation.Response is not null && double.IsFinite(delivery.Observation.LatencyMs))
            .Select(delivery => delivery.Observation.LatencyMs);
}
