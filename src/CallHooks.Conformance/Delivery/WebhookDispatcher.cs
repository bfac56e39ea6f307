using System.Buffers;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Delivery;

/// <summary>
/// Sends one request and observes what happens. Never throws for anything the listener does: a refused
/// connection, a timeout or garbage on the wire all become an <see cref="Observation"/>. Only the caller's
/// own cancellation ends a send early, and even that is recorded.
/// </summary>
public sealed class WebhookDispatcher(HttpClient client, TimeProvider time)
{
    /// <summary>Response bodies are read up to this many bytes; the rest is discarded unread.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public async Task<Observation> SendAsync(WebhookRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var message = ToMessage(request);
        var tap = new WireTap();
        message.Options.Set(WireTap.Key, tap);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var sentAt = time.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        var headersMs = 0d;
        var progress = new BodyProgress();
        try
        {
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            headersMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            progress.Response = response;
            var (body, bytes, truncated) = await ReadBoundedAsync(response.Content, progress, deadline.Token).ConfigureAwait(false);
            return new Observation
            {
                SentAt = sentAt,
                LatencyMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                Response = new ObservedResponse(
                    (int)response.StatusCode,
                    response.ReasonPhrase ?? "",
                    HeadersOf(response),
                    body,
                    bytes,
                    truncated,
                    headersMs),
            };
        }
        catch (OperationCanceledException cancelled) when (!cancellationToken.IsCancellationRequested && cancelled.InnerException is TimeoutException)
        {
            // The handler's ConnectTimeout ran out before the request's own deadline.
            return DeliveryFailures.Observe(sentAt, started, DeliveryFailures.ConnectTimedOut(started));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryFailures.Observe(sentAt, started, DeliveryFailures.TimedOut(timeout, headersMs > 0 ? progress.Status : null, headersMs, progress.Bytes));
        }
        catch (OperationCanceledException)
        {
            return DeliveryFailures.Observe(sentAt, started, DeliveryFailures.Interrupted);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            return DeliveryFailures.Observe(sentAt, started, FailureClassifier.Classify(exception, headersMs > 0, tap));
        }
    }

    /// <summary>
    /// Response and content headers in received order, one entry per value as the client parsed them (a list header
    /// such as <c>Vary: Origin, Accept</c> gives two). Plain loops rather than LINQ: this runs for every delivery.
    /// </summary>
    internal static List<KeyValuePair<string, string>> HeadersOf(HttpResponseMessage response)
    {
        var headers = new List<KeyValuePair<string, string>>(8);
        Add(response.Headers);
        Add(response.Content.Headers);
        return headers;

        void Add(HttpHeaders received)
        {
            foreach (var (name, values) in received)
            {
                foreach (var value in values)
                    headers.Add(KeyValuePair.Create(name, value));
            }
        }
    }

    /// <summary>
    /// The shared instance for a standard method instead of a new one per request; Parse ignores case, so any other
    /// spelling keeps its own instance and goes on the wire exactly as written.
    /// </summary>
    private static HttpMethod MethodOf(string method) =>
        HttpMethod.Parse(method) is var known && known.Method == method ? known : new HttpMethod(method);

    private static HttpRequestMessage ToMessage(WebhookRequest request)
    {
        var message = new HttpRequestMessage(MethodOf(request.Method), request.Url);
        foreach (var (name, value) in request.Headers)
            message.Headers.TryAddWithoutValidation(name, value);
        if (request.HasBody)
        {
            message.Content = new ReadOnlyMemoryContent(request.Body);
            message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        }

        return message;
    }

    private static async Task<(string Body, long Bytes, bool Truncated)> ReadBoundedAsync(HttpContent content, BodyProgress progress, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            // One byte more than the limit tells a body of exactly the limit from a longer one. The buffer is pooled:
            // a fresh 64 KiB array per delivery dominated the garbage collector's work in load runs.
            var limit = MaxBodyBytes + 1;
            var buffer = ArrayPool<byte>.Shared.Rent(limit);
            try
            {
                var filled = 0;
                int read;
                while (filled < limit && (read = await stream.ReadAsync(buffer.AsMemory(filled, limit - filled), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    filled += read;
                    progress.Bytes = filled;
                }

                var truncated = filled > MaxBodyBytes;
                return (Encoding.UTF8.GetString(buffer, 0, Math.Min(filled, MaxBodyBytes)), filled, truncated);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>How far a response got, so a timeout can say where it stopped.</summary>
    private sealed class BodyProgress
    {
        /// <summary>Set once the headers are in; the status line is only spelled out if a timeout needs it.</summary>
        public HttpResponseMessage? Response { get; set; }

        public string Status => Response is { } response ? $"{(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd() : "";

        public long Bytes { get; set; }
    }
}
