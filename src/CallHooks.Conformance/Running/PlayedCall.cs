using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Running;

/// <summary>The deliveries a call made, in order, the events its provider would not have sent, and how many were never reached.</summary>
/// <param name="Unsent">Events not sent because the run was told to stop before their turn.</param>
internal sealed record PlayedCall(IReadOnlyList<DeliveryResult> Deliveries, IReadOnlyList<SkippedStep> Skipped, int Unsent);
