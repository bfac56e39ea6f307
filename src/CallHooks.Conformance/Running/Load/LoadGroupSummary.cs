namespace CallHooks.Conformance.Running.Load;

/// <summary>Deliveries of one provider (<paramref name="Event"/> null) or of one of its events.</summary>
/// <param name="Provider">The provider profile.</param>
/// <param name="Event">The provider's event id, or null for the provider as a whole.</param>
/// <param name="Deliveries">Deliveries completed.</param>
/// <param name="Failed">Deliveries that failed (no response, or a broken expectation).</param>
/// <param name="Latency">Latency from the intended send time (coordinated omission corrected).</param>
/// <param name="Sent">Latency from the actual send (the listener's service time).</param>
internal sealed record LoadGroupSummary(
    string Provider,
    string? Event,
    long Deliveries,
    long Failed,
    LatencyPercentiles Latency,
    LatencyPercentiles Sent
);
