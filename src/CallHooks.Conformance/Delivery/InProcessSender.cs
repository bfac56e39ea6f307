using System.Buffers;
using System.Text;
using CallHooks.Conformance.Delivery.Http1;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Delivery;

/// <summary>
/// Hands each webhook to an ASP.NET Core app in the same process (the <see cref="HttpMessageHandler"/> of a
/// <c>TestServer</c> or <c>WebApplicationFactory</c>): no port, no socket, no bytes on a wire. Latency, status, headers
/// and body are observed as over the network; connection faults, TLS and response framing cannot happen in process,
/// so the rules and failure kinds that judge them do not apply. An exception the app throws is the listener's failure.
/// </summary>
internal sealed class InProcessSender(HttpMessageHandler handler, TimeProvider time) : IDisposable
{
    private readonly HttpMessageInvoker invoker = new(handler, disposeHandler: false);

    public async Task<Observation> SendAsync(WebhookRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var sentAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        using var message = ToMessage(request);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        string? statusLine = null;
        var headersMs = 0d;
        try
        {
            using var response = await invoker.SendAsync(message, deadline.Token).ConfigureAwait(false);
            headersMs = time.GetElapsedTime(started).TotalMilliseconds;
            statusLine = $"{(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
            var (body, bytes) = await ReadBoundedAsync(response.Content, deadline.Token).ConfigureAwait(false);
            return new Observation
            {
                SentAt = sentAt,
                StartTimestamp = started,
                LatencyMs = time.GetElapsedTime(started).TotalMilliseconds,
                Response = new ObservedResponse(
                    (int)response.StatusCode,
                    response.ReasonPhrase ?? "",
                    ReceivedHeaders.Of(response),
                    Encoding.UTF8.GetString(body, 0, Math.Min(bytes, WebhookDispatcher.MaxBodyBytes)),
                    bytes,
                    bytes > WebhookDispatcher.MaxBodyBytes,
                    headersMs
                ),
            };
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return DeliveryFailures.Observe(sentAt, time, started, DeliveryFailures.TimedOut(timeout, statusLine, headersMs, 0));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return DeliveryFailures.Observe(sentAt, time, started, DeliveryFailures.Interrupted);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // TestServer rethrows what the app's pipeline threw; a real server would have answered 500 or dropped the connection.
            return DeliveryFailures.Observe(
                sentAt,
                time,
                started,
                new ObservedFailure(FailureKind.Other, $"the app threw {exception.GetType().Name}: {exception.Message}")
            );
        }
    }

    public void Dispose() => invoker.Dispose();

    private static HttpRequestMessage ToMessage(WebhookRequest request)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
        foreach (var (name, value) in request.Headers)
            message.Headers.TryAddWithoutValidation(name, value);
        if (request.HasBody)
        {
            message.Content = new ReadOnlyMemoryContent(request.Body);
            message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        }

        return message;
    }

    /// <summary>The body up to one byte past the limit, so a longer one is known to be truncated; the rest is not read.</summary>
    private static async Task<(byte[] Body, int Bytes)> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var limit = WebhookDispatcher.MaxBodyBytes + 1;
            var buffer = new byte[limit];
            var filled = 0;
            int read;
            while (filled < limit && (read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
                filled += read;
            return (buffer, filled);
        }
    }
}
