namespace CallHooks.Conformance.Delivery;

/// <summary>Why there is no response.</summary>
public sealed record ObservedFailure(FailureKind Kind, string Message);
