namespace CallHooks.Conformance.Reporting.Model;

/// <summary>Latency of one event type: percentiles over the deliveries that got a response.</summary>
internal sealed record EventLatency(
    string Provider,
    string Event,
    int Answered,
    int NoResponse,
    double? P50,
    double? P90,
    double? P99,
    double? Max
);
