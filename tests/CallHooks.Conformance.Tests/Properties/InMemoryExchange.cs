using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Delivery.Http1;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Tests.Properties;

/// <summary>One conformance delivery through the real dispatcher, its connection a stream standing in for the listener.</summary>
internal static class InMemoryExchange
{
    public static async Task<Observation> SendAsync(Stream listener, TimeSpan timeout)
    {
        using var dispatcher = WebhookDispatcher.Over(
            (_, _) => Task.FromResult(Http1Connection.Over(listener)),
            TimeProvider.System,
            lateWindow: TimeSpan.Zero
        );
        var request = new WebhookRequest
        {
            Method = "POST",
            Url = new Uri("http://127.0.0.1:9/hook"),
            ContentType = "application/json",
            Body = "{}"u8.ToArray(),
        };
        return await dispatcher.SendAsync(request, timeout, CancellationToken.None);
    }
}
