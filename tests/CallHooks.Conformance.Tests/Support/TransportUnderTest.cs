using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Delivery.Http1;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Tests.Support;

/// <summary>Which of the two transports a test runs against.</summary>
public enum Transport
{
    /// <summary>Conformance runs': <see cref="WebhookDispatcher.ForConformance"/>, a connection per webhook, reading on past the budget.</summary>
    Conformance,

    /// <summary>Load runs': <see cref="WebhookDispatcher.ForLoad"/>, connections kept alive.</summary>
    Load,
}

/// <summary>One transport behind the one call both offer, so a test is written once and run against each.</summary>
internal sealed class TransportUnderTest : IDisposable
{
    private readonly IDisposable owner;
    private readonly Func<WebhookRequest, TimeSpan, CancellationToken, Task<Observation>> send;

    private TransportUnderTest(IDisposable owner, Func<WebhookRequest, TimeSpan, CancellationToken, Task<Observation>> send)
    {
        this.owner = owner;
        this.send = send;
    }

    /// <summary>How long a TCP and TLS handshake may take, in both transports.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    public static TransportUnderTest Create(Transport transport, TlsTrust trust)
    {
        var dispatcher =
            transport == Transport.Load
                ? WebhookDispatcher.ForLoad(ConnectTimeout, trust, TimeProvider.System)
                : WebhookDispatcher.ForConformance(ConnectTimeout, trust, TimeProvider.System);
        return new TransportUnderTest(dispatcher, dispatcher.SendAsync);
    }

    public Task<Observation> SendAsync(WebhookRequest request, TimeSpan timeout, CancellationToken cancellationToken) =>
        send(request, timeout, cancellationToken);

    public void Dispose() => owner.Dispose();
}
