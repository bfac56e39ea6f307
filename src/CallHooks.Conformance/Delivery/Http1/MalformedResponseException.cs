namespace CallHooks.Conformance.Delivery.Http1;

/// <summary>The listener's bytes break HTTP/1.1; the message says how, in terms a listener's author can act on.</summary>
internal sealed class MalformedResponseException(string message) : Exception(message);
