using Microsoft.AspNetCore.Http;

namespace CallHooks.Conformance.Listener;

/// <summary>
/// One provider's webhook reader, serving <c>/&lt;Provider&gt;/...</c>. Implementations are discovered in this
/// assembly and constructed with <c>(ListenerOptions options)</c>, one instance per listener, so each keeps its
/// own per-call state. Auth (Basic, required header) is checked before a reader is called.
/// </summary>
internal interface IProviderEndpoint
{
    /// <summary>The provider's name, the same as the harness profile's (e.g. <c>twilio</c>): the first path segment.</summary>
    string Provider { get; }

    /// <summary>Reads, checks and answers one delivery; returns the verdict for the log line.</summary>
    Task<string> HandleAsync(HttpContext context);

    /// <summary>
    /// The events a request can be, named as the harness's scenarios name them, from its bytes alone: one when the bytes
    /// name it, several when they only rule some out; null when any. A panel route refuses a request that can be none
    /// of the events it is subscribed to.
    /// </summary>
    IReadOnlySet<string>? EventsOf(HttpRequest request, byte[] body) => null;
}
