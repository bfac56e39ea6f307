namespace CallHooks.Conformance.Delivery.Http1;

/// <summary>The connection ended before the response was complete; <see cref="Failure"/> names what did arrive.</summary>
internal sealed class ResponseEndedException(ObservedFailure failure) : Exception(failure.Message)
{
    public ObservedFailure Failure { get; } = failure;
}
