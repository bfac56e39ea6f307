using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Authentication;
using System.Text;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Delivery.KeepAlive;

/// <summary>
/// Load runs' transport: HTTP/1.1 over connections kept alive, as a provider's client pool does, sending exactly the
/// bytes <see cref="RawHttpRenderer"/> renders and observing the answer as <see cref="WebhookDispatcher"/> does (the
/// same failure kinds, the same wording for the faults both meet, the same parsed headers). It departs from HttpClient
/// only where RFC 9110 leaves the client a choice: it takes a Content-Length list of equal values ("2, 2") as that
/// length, where HttpClient reads such a body to the close. It exists because a load generator must not be the bottleneck:
/// HttpClient's generality (redirects, proxies, decompression, HTTP/2, retries) costs more CPU per request than
/// everything else the harness does for a delivery, on the same cores the listener needs. Never throws for anything
/// the listener does; a connection is used by one exchange at a time, and there are never more connections than the
/// most exchanges that were in flight at once (load runs cap those with their concurrency).
/// </summary>
public sealed class KeepAliveClient(TimeSpan connectTimeout, TlsTrust trust, TimeProvider time) : IDisposable
{
    /// <summary>
    /// A pooled connection idle longer than this is closed rather than reused: below the 5 s keep-alive of common
    /// servers (Node.js), so an exchange does not race a listener closing an idle connection.
    /// </summary>
    public static readonly TimeSpan IdleLimit = TimeSpan.FromSeconds(4);

    private readonly ConcurrentDictionary<Endpoint, Stack<KeepAliveConnection>> pools = new();
    private bool disposed;

    public async Task<Observation> SendAsync(WebhookRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sentAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        var endpoint = new Endpoint(request.Url.Scheme, request.Url.IdnHost, request.Url.Port);
        KeepAliveConnection? connection = null;
        ResponseHead? head = null;
        var headersMs = 0d;
        var reusable = false;
        CancellationTokenRegistration interrupted = default;
        try
        {
            connection = TakeIdle(endpoint) ?? await ConnectAsync(request.Url, timeout, cancellationToken).ConfigureAwait(false);
            connection.Outgoing.ResetWrittenCount();
            if (!RawHttpRenderer.TryWrite(request, connection.Outgoing, out var badHeader))
                return DeliveryFailures.Observe(
                    sentAt,
                    time,
                    started,
                    new ObservedFailure(
                        FailureKind.Other,
                        $"the value of header '{badHeader}' is not ASCII; HTTP header values are sent as ASCII"
                    )
                );

            var deadline = connection.Deadline;
            deadline.CancelAfter(Remaining(timeout, started));
            interrupted = cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), deadline);
            await connection.SendAsync(deadline.Token).ConfigureAwait(false);
            connection.BeginResponse();
            while ((head = connection.TryTakeHead()) is null)
            {
                if (!connection.Received(await connection.ReadAsync(deadline.Token).ConfigureAwait(false)))
                    throw new ResponseEndedException(connection.HeadCutShort());
            }

            headersMs = time.GetElapsedTime(started).TotalMilliseconds;

            // One byte more than the limit tells a body of exactly the limit from a longer one.
            const int limit = WebhookDispatcher.MaxBodyBytes + 1;
            var sink = ArrayPool<byte>.Shared.Rent(limit);
            try
            {
                BodyStep step;
                while ((step = connection.TakeBody(sink, limit)) == BodyStep.NeedMore)
                {
                    if (connection.Received(await connection.ReadAsync(deadline.Token).ConfigureAwait(false)))
                        continue;
                    if (!connection.BodyEndsAtClose)
                        throw new ResponseEndedException(connection.BodyCutShort());
                    step = BodyStep.Complete;
                    break;
                }

                var filled = (int)connection.BodyBytes;
                var truncated = filled > WebhookDispatcher.MaxBodyBytes;
                // A body that ran until close has no keep-alive (see ResponseHead), nor has one cut at the limit. The run's
                // token is let go before the deadline is reset, so a pooled connection never carries a cancelled one.
                interrupted.Dispose();
                reusable = step == BodyStep.Complete && head.KeepAlive && connection.Drained && deadline.TryReset();
                return new Observation
                {
                    SentAt = sentAt,
                    StartTimestamp = started,
                    LatencyMs = time.GetElapsedTime(started).TotalMilliseconds,
                    Response = new ObservedResponse(
                        head.Status,
                        head.Reason,
                        new ReceivedHeaders(head),
                        Encoding.UTF8.GetString(sink, 0, Math.Min(filled, WebhookDispatcher.MaxBodyBytes)),
                        filled,
                        truncated,
                        headersMs
                    ),
                };
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(sink);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var statusLine = head is null ? null : $"{head.Status.ToString(CultureInfo.InvariantCulture)} {head.Reason}".TrimEnd();
            return DeliveryFailures.Observe(
                sentAt,
                time,
                started,
                DeliveryFailures.TimedOut(timeout, statusLine, headersMs, connection?.BodyBytes ?? 0)
            );
        }
        catch (OperationCanceledException)
        {
            return DeliveryFailures.Observe(sentAt, time, started, DeliveryFailures.Interrupted);
        }
        catch (MalformedResponseException malformed)
        {
            return DeliveryFailures.Observe(
                sentAt,
                time,
                started,
                new ObservedFailure(FailureKind.MalformedResponse, "the response is not valid HTTP: " + malformed.Message)
            );
        }
        catch (ResponseEndedException ended)
        {
            return DeliveryFailures.Observe(sentAt, time, started, ended.Failure);
        }
        catch (ConnectTimeoutException)
        {
            return DeliveryFailures.Observe(sentAt, time, started, DeliveryFailures.ConnectTimedOut(time.GetElapsedTime(started)));
        }
        catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException or AuthenticationException)
        {
            return DeliveryFailures.Observe(
                sentAt,
                time,
                started,
                FailureClassifier.Classify(exception, head is not null || connection?.ResponseBytes > 0)
            );
        }
        finally
        {
            interrupted.Dispose();
            if (connection is not null)
            {
                if (reusable)
                    Return(endpoint, connection);
                else
                    connection.Dispose();
            }
        }
    }

    public void Dispose()
    {
        Volatile.Write(ref disposed, true);
        foreach (var pool in pools.Values)
        {
            lock (pool)
            {
                while (pool.TryPop(out var connection))
                    connection.Dispose();
            }
        }
    }

    private TimeSpan Remaining(TimeSpan timeout, long started)
    {
        var left = timeout - time.GetElapsedTime(started);
        return left > TimeSpan.Zero ? left : TimeSpan.FromTicks(1);
    }

    private async Task<KeepAliveConnection> ConnectAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // The connect timeout bounds the TCP and TLS handshakes; the request's own deadline counts from before them.
        using var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var limit = connectTimeout < timeout ? connectTimeout : timeout;
        connecting.CancelAfter(limit);
        try
        {
            return await KeepAliveConnection.OpenAsync(url, trust, connecting.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && connectTimeout < timeout)
        {
            throw new ConnectTimeoutException();
        }
    }

    private KeepAliveConnection? TakeIdle(Endpoint endpoint)
    {
        if (!pools.TryGetValue(endpoint, out var pool))
            return null;
        var now = time.GetTimestamp();
        while (true)
        {
            KeepAliveConnection? connection;
            lock (pool)
            {
                if (!pool.TryPop(out connection))
                    return null;
            }

            if (
                time.GetElapsedTime(connection.IdleSince, now) < IdleLimit
                && !connection.Deadline.IsCancellationRequested
                && connection.TryReadAhead()
            )
                return connection;
            connection.Dispose();
        }
    }

    private void Return(Endpoint endpoint, KeepAliveConnection connection)
    {
        connection.IdleSince = time.GetTimestamp();
        var pool = pools.GetOrAdd(endpoint, static _ => new Stack<KeepAliveConnection>());
        lock (pool)
        {
            if (!Volatile.Read(ref disposed))
            {
                pool.Push(connection);
                return;
            }
        }

        connection.Dispose();
    }

    private readonly record struct Endpoint(string Scheme, string Host, int Port);

    /// <summary>The TCP (and TLS) handshake took longer than the connect timeout, before the request's own deadline.</summary>
    private sealed class ConnectTimeoutException : Exception;
}
