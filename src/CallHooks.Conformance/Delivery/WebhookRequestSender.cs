namespace CallHooks.Conformance.Delivery;

/// <summary>
/// Sends one request and observes it: <see cref="WebhookDispatcher.SendAsync"/> in conformance runs, the keep-alive
/// client in load runs, a scripted answer in tests. Every run plays its calls through one of these.
/// </summary>
internal delegate Task<Observation> WebhookRequestSender(
    Wire.WebhookRequest request,
    TimeSpan timeout,
    CancellationToken cancellationToken
);
