using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Running;

/// <summary>The deliveries a call made, in order, and the events its provider would not have sent.</summary>
internal sealed record PlayedCall(IReadOnlyList<DeliveryResult> Deliveries, IReadOnlyList<SkippedStep> Skipped);
