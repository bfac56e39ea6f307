namespace CallHooks.Conformance.Running.Load;

/// <summary>A snapshot of one latency distribution, in milliseconds.</summary>
internal sealed record LatencyPercentiles(long Count, double P50Ms, double P90Ms, double P99Ms, double P999Ms, double MaxMs, double MeanMs)
{
    public static readonly LatencyPercentiles Empty = new(0, 0, 0, 0, 0, 0, 0);
}
