using System.Buffers;
using System.Net.Http.Headers;
using System.Text;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Delivery;

/// <summary>
/// Sends one request and observes what happens. Never throws for anything the listener does: a refused
/// connection, a timeout or garbage on the wire all become an <see cref="Observation"/>. Only the caller's
/// own cancellation ends a send early, and even that is recorded. A delivery that outlasts its budget has failed,
/// but the connection is read on for a while (<see cref="LateReading"/>) so the result can say what finally came.
/// </summary>
/// <param name="lateWindow">How long to keep reading after the budget (<c>--late-window</c>); null for the default, zero for none.</param>
public sealed class WebhookDispatcher(HttpClient client, TimeProvider time, TimeSpan? lateWindow = null)
{
    /// <summary>Response bodies are read up to this many bytes; the rest is discarded unread.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public async Task<Observation> SendAsync(WebhookRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var message = ToMessage(request);
        var tap = new WireTap();
        message.Options.Set(WireTap.Key, tap);
        var readUntil = LateReading.Until(timeout, lateWindow);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(readUntil);
        var sentAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        var progress = new BodyProgress();
        // The body bytes read when the budget ran out: the timeout's message describes that moment, whatever came later.
        using var budget = new CancellationTokenSource(timeout);
        using var atBudget = budget.Token.Register(progress.MarkBudgetEnd);
        try
        {
            using var response = await client
                .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token)
                .ConfigureAwait(false);
            progress.HeadersMs = time.GetElapsedTime(started).TotalMilliseconds;
            progress.Response = response;
            var (body, bytes, truncated) = await ReadBoundedAsync(response.Content, progress, deadline.Token).ConfigureAwait(false);
            var latencyMs = time.GetElapsedTime(started).TotalMilliseconds;
            if (latencyMs > timeout.TotalMilliseconds)
                return TimedOut(sentAt, started, timeout, progress, new LateAnswer(progress.Status, latencyMs, Complete: true));
            return new Observation
            {
                SentAt = sentAt,
                StartTimestamp = started,
                LatencyMs = latencyMs,
                Response = new ObservedResponse(
                    (int)response.StatusCode,
                    response.ReasonPhrase ?? "",
                    HeadersOf(response),
                    body,
                    bytes,
                    truncated,
                    progress.HeadersMs
                ),
            };
        }
        catch (OperationCanceledException cancelled)
            when (!cancellationToken.IsCancellationRequested && cancelled.InnerException is TimeoutException)
        {
            // The handler's ConnectTimeout ran out before the request's own deadline.
            return DeliveryFailures.Observe(sentAt, time, started, DeliveryFailures.ConnectTimedOut(time.GetElapsedTime(started)));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested || time.GetElapsedTime(started) >= timeout)
        {
            // Past the budget the delivery has failed, whether the late window or the run's interruption stopped the reading.
            var late =
                readUntil > timeout && !cancellationToken.IsCancellationRequested
                    ? new LateAnswer(
                        progress.HeadersMs > timeout.TotalMilliseconds ? progress.Status : null,
                        time.GetElapsedTime(started).TotalMilliseconds,
                        Complete: false
                    )
                    : null;
            return TimedOut(sentAt, started, timeout, progress, late);
        }
        catch (OperationCanceledException)
        {
            return DeliveryFailures.Observe(sentAt, time, started, DeliveryFailures.Interrupted);
        }
        catch (Exception exception)
            when (exception is HttpRequestException or IOException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            var failure = FailureClassifier.Classify(exception, progress.HeadersMs > 0, tap);
            if (time.GetElapsedTime(started) < timeout)
                return DeliveryFailures.Observe(sentAt, time, started, failure);
            var ending = failure.Message.Length > 0 ? char.ToLowerInvariant(failure.Message[0]) + failure.Message[1..] : failure.Message;
            return TimedOut(
                sentAt,
                started,
                timeout,
                progress,
                new LateAnswer(null, time.GetElapsedTime(started).TotalMilliseconds, Complete: false, ending)
            );
        }
    }

    /// <summary>A delivery that outlasted its budget, described as of the budget's end, with what came after it.</summary>
    private static Observation TimedOut(DateTimeOffset sentAt, long started, TimeSpan timeout, BodyProgress progress, LateAnswer? late)
    {
        var headersInTime = progress.Response is not null && progress.HeadersMs <= timeout.TotalMilliseconds;
        var failure = DeliveryFailures.TimedOut(
            timeout,
            headersInTime ? progress.Status : null,
            progress.HeadersMs,
            progress.BytesAtBudget ?? progress.Bytes
        );
        return new Observation
        {
            SentAt = sentAt,
            StartTimestamp = started,
            LatencyMs = timeout.TotalMilliseconds,
            Failure = late is null ? failure : failure with { Message = failure.Message + "; " + late.Describe() },
            Late = late,
        };
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

    private static async Task<(string Body, long Bytes, bool Truncated)> ReadBoundedAsync(
        HttpContent content,
        BodyProgress progress,
        CancellationToken cancellationToken
    )
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
                while (
                    filled < limit
                    && (read = await stream.ReadAsync(buffer.AsMemory(filled, limit - filled), cancellationToken).ConfigureAwait(false)) > 0
                )
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

    /// <summary>How far a response got, so a timeout can say where it stopped when the budget ran out.</summary>
    private sealed class BodyProgress
    {
        /// <summary>Set once the headers are in; the status line is only spelled out if a timeout needs it.</summary>
        public HttpResponseMessage? Response { get; set; }

        public double HeadersMs { get; set; }

        public string Status => Response is { } response ? $"{(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd() : "";

        public long Bytes { get; set; }

        /// <summary>Body bytes read when the budget ran out; null until it has.</summary>
        public long? BytesAtBudget { get; private set; }

        public void MarkBudgetEnd() => BytesAtBudget = Bytes;
    }
}
