namespace CallHooks.Conformance.Reporting.Text;

/// <summary>Latency statistics over the deliveries that got a response.</summary>
internal static class Latency
{
    /// <summary>
    /// Nearest-rank median, or null when nothing answered. Failures are left out: a 5 s timeout says nothing
    /// about how fast the listener answers.
    /// </summary>
    public static double? Median(IEnumerable<Results.DeliveryResult> deliveries)
    {
        var sorted = deliveries
            .Where(delivery => delivery.Observation.Response is not null && double.IsFinite(delivery.Observation.LatencyMs))
            .Select(delivery => delivery.Observation.LatencyMs)
            .Order()
            .ToList();
        return sorted.Count == 0 ? null : sorted[(sorted.Count - 1) / 2];
    }
}
