namespace CallHooks.Conformance.Delivery.KeepAlive;

/// <summary>The listener's bytes break HTTP/1.1; the message says how, in terms a listener's author can act on.</summary>
internal sealed class MalformedResponseException(string message) : Exception(message);

/// <summary>The connection ended before the response was complete; <see cref="Failure"/> names what did arrive.</summary>
internal sealed class ResponseEndedException(ObservedFailure failure) : Exception(failure.Message)
{
    public ObservedFailure Failure { get; } = failure;
}
