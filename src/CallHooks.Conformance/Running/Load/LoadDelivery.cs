using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Running.Load;

/// <summary>One completed delivery of a load run, with its call and both latencies.</summary>
/// <param name="CallIndex">The call's number in the run.</param>
/// <param name="Provider">The scenario's provider.</param>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="CallId">The call's id as the provider prints it.</param>
/// <param name="Delivery">The request, observation and verdict.</param>
/// <param name="QueuedMs">How long the send was held back past its intended time (slot wait, scheduler or timer lag).</param>
/// <param name="Reason">Why it failed (a failure kind, <c>status</c>, <c>slow</c> or <c>body</c>), or null when it passed.</param>
internal sealed record LoadDelivery(
    long CallIndex,
    string Provider,
    string Scenario,
    string CallId,
    DeliveryResult Delivery,
    double QueuedMs,
    string? Reason
)
{
    /// <summary>Latency from the actual send to the end of the response (what the listener took).</summary>
    public double SentMs => Delivery.Observation.LatencyMs;

    /// <summary>Latency from the intended send time: what a provider sending on schedule would have seen.</summary>
    public double ScheduledMs => QueuedMs + Delivery.Observation.LatencyMs;
}
