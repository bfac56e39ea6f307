namespace CallHooks.Conformance.Delivery;

/// <summary>Why there is no response.</summary>
internal sealed record ObservedFailure(FailureKind Kind, string Message);
