using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Authentication;
using System.Text;
using CallHooks.Conformance.Delivery.Http1;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Delivery;

/// <summary>
/// The harness's one transport, for conformance and load runs alike: HTTP/1.1 sending exactly the bytes
/// <see cref="RawHttpRenderer"/> renders and reading the answer with one parser (<see cref="Http1.ResponseHead"/>,
/// <see cref="Http1.Http1Connection"/>), so one listener gets one verdict and one failure kind whatever the mode. Answers
/// that RFC 9112 calls framing errors (a negative or disputed Content-Length, Transfer-Encoding beside Content-Length,
/// a head over 64 KiB, an endless run of interim 1xx answers) fail as <see cref="FailureKind.MalformedResponse"/> in
/// the harness's own words. Never throws for anything the listener does.
/// </summary>
/// <remarks>
/// The two runs differ only in what a provider's client does differently: a conformance run opens a connection per
/// webhook (a reused connection the listener closed would hide a retry) and reads on past the budget to say what came
/// late (<see cref="LateReading"/>); a load run keeps connections alive, as a provider's pool does, at most as many as
/// exchanges were ever in flight at once, and closes at the timeout. It is not HttpClient because a load generator must
/// not be the bottleneck: HttpClient's generality (redirects, proxies, decompression, HTTP/2, retries) cost more CPU per
/// request than everything else the harness does for a delivery, and its reading of framing errors differed from ours.
/// </remarks>
internal sealed class WebhookDispatcher : IDisposable
{
    /// <summary>Response bodies are read up to this many bytes; the rest is discarded unread.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// A pooled connection idle longer than this is closed rather than reused: below the 5 s keep-alive of common
    /// servers (Node.js), so an exchange does not race a listener closing an idle connection.
    /// </summary>
    public static readonly TimeSpan IdleLimit = TimeSpan.FromSeconds(4);

    private readonly ConcurrentDictionary<Endpoint, Stack<Http1Connection>> pools = new();
    private readonly TimeSpan connectTimeout;
    private readonly TlsTrust trust;
    private readonly TimeProvider time;
    private readonly bool keepAlive;
    private readonly TimeSpan? lateWindow;
    private Func<Uri, CancellationToken, Task<Http1Connection>>? open;
    private InProcessSender? inProcess;
    private bool disposed;

    private WebhookDispatcher(TimeSpan connectTimeout, TlsTrust trust, TimeProvider time, bool keepAlive, TimeSpan? lateWindow)
    {
        ArgumentNullException.ThrowIfNull(trust);
        ArgumentNullException.ThrowIfNull(time);
        (this.connectTimeout, this.trust, this.time, this.keepAlive, this.lateWindow) = (
            connectTimeout,
            trust,
            time,
            keepAlive,
            lateWindow
        );
    }

    /// <summary>A conformance run's: a connection per webhook, and reading on past the budget.</summary>
    /// <param name="connectTimeout">How long a TCP (and TLS) connect may take.</param>
    /// <param name="trust">Which server certificates an https target may present.</param>
    /// <param name="time">The clock every latency is measured with.</param>
    /// <param name="lateWindow">How long to read on after the budget (<c>--late-window</c>); null for the default, zero for none.</param>
    public static WebhookDispatcher ForConformance(
        TimeSpan connectTimeout,
        TlsTrust trust,
        TimeProvider time,
        TimeSpan? lateWindow = null
    ) => new(connectTimeout, trust, time, keepAlive: false, lateWindow);

    /// <summary>
    /// A conformance run's dispatcher whose connections come from <paramref name="connect"/> instead of a socket: the
    /// property tests hand it streams that deliver a response in chosen pieces.
    /// </summary>
    internal static WebhookDispatcher Over(
        Func<Uri, CancellationToken, Task<Http1Connection>> connect,
        TimeProvider time,
        TimeSpan? lateWindow
    ) => new(TimeSpan.FromSeconds(5), TlsTrust.System, time, keepAlive: false, lateWindow) { open = connect };

    /// <summary>
    /// A conformance run's, handing every webhook to an ASP.NET Core app in this process (the handler of a
    /// <c>TestServer</c> or <c>WebApplicationFactory</c>) instead of over a network; see <see cref="InProcessSender"/>.
    /// </summary>
    public static WebhookDispatcher InProcess(HttpMessageHandler handler, TimeProvider time) =>
        new(TimeSpan.FromSeconds(5), TlsTrust.System, time, keepAlive: false, TimeSpan.Zero)
        {
            inProcess = new InProcessSender(handler, time),
        };

    /// <summary>True when webhooks go to an app in this process: connection faults, TLS and framing cannot be observed.</summary>
    public bool IsInProcess => inProcess is not null;

    /// <summary>A load run's: connections kept alive, and the delivery ends at its timeout as the provider's does.</summary>
    public static WebhookDispatcher ForLoad(TimeSpan connectTimeout, TlsTrust trust, TimeProvider time) =>
        new(connectTimeout, trust, time, keepAlive: true, TimeSpan.Zero);

    public Task<Observation> SendAsync(WebhookRequest request, TimeSpan timeout, CancellationToken cancellationToken) =>
        inProcess is null
            ? SendOverNetworkAsync(request, timeout, cancellationToken)
            : inProcess.SendAsync(request, timeout, cancellationToken);

    private async Task<Observation> SendOverNetworkAsync(WebhookRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sentAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        var readUntil = LateReading.Until(timeout, lateWindow);
        var endpoint = new Endpoint(request.Url.Scheme, request.Url.IdnHost, request.Url.Port);
        var exchange = new Exchange(sentAt, started, timeout);
        CancellationTokenRegistration interrupted = default;
        // Only when reading on past the budget: the body bytes in when it ran out, for the timeout to describe that moment.
        using var budget = readUntil > timeout ? new CancellationTokenSource(timeout) : null;
        using var atBudget = budget?.Token.UnsafeRegister(static state => ((Exchange)state!).MarkBudgetEnd(), exchange);
        var reusable = false;
        try
        {
            var connection = exchange.Connection = TakeIdle(endpoint)
                ?? await ConnectAsync(request.Url, readUntil, cancellationToken).ConfigureAwait(false);
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
            deadline.CancelAfter(Remaining(readUntil, started));
            interrupted = cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), deadline);
            await connection.SendAsync(deadline.Token).ConfigureAwait(false);
            connection.BeginResponse();
            ResponseHead? head;
            while ((head = connection.TryTakeHead()) is null)
            {
                if (!connection.Received(await connection.ReadAsync(deadline.Token).ConfigureAwait(false)))
                    throw new ResponseEndedException(connection.HeadCutShort());
            }

            exchange.Head = head;
            exchange.HeadersMs = time.GetElapsedTime(started).TotalMilliseconds;

            // One byte more than the limit tells a body of exactly the limit from a longer one.
            const int limit = MaxBodyBytes + 1;
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

                var latencyMs = time.GetElapsedTime(started).TotalMilliseconds;
                if (latencyMs > timeout.TotalMilliseconds)
                    return exchange.TimedOut(new LateAnswer(exchange.StatusLine, latencyMs, Complete: true));
                var filled = (int)connection.BodyBytes;
                // A body that ran until close has no keep-alive (see ResponseHead), nor has one cut at the limit. The run's
                // token is let go before the deadline is reset, so a pooled connection never carries a cancelled one.
                interrupted.Dispose();
                reusable = keepAlive && step == BodyStep.Complete && head.KeepAlive && connection.Drained && deadline.TryReset();
                return new Observation
                {
                    SentAt = sentAt,
                    StartTimestamp = started,
                    LatencyMs = latencyMs,
                    Response = new ObservedResponse(
                        head.Status,
                        head.Reason,
                        new ReceivedHeaders(head),
                        Encoding.UTF8.GetString(sink, 0, Math.Min(filled, MaxBodyBytes)),
                        filled,
                        filled > MaxBodyBytes || step == BodyStep.LimitReached,
                        exchange.HeadersMs
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
            // The deadline: the budget's end, or the end of the late window after it.
            var elapsedMs = time.GetElapsedTime(started).TotalMilliseconds;
            var late =
                readUntil > timeout
                    ? new LateAnswer(
                        exchange.HeadersMs > timeout.TotalMilliseconds ? exchange.StatusLine : null,
                        elapsedMs,
                        Complete: false
                    )
                    : null;
            return exchange.TimedOut(late);
        }
        catch (OperationCanceledException) when (time.GetElapsedTime(started) >= timeout)
        {
            // The run was interrupted while reading on past the budget: the delivery had already failed.
            return exchange.TimedOut(late: null);
        }
        catch (OperationCanceledException)
        {
            return DeliveryFailures.Observe(sentAt, time, started, DeliveryFailures.Interrupted);
        }
        catch (ConnectTimeoutException)
        {
            // Reading on past the budget, a connect may outlast the budget before its own timeout: the delivery had failed.
            var elapsed = time.GetElapsedTime(started);
            return elapsed < timeout
                ? DeliveryFailures.Observe(sentAt, time, started, DeliveryFailures.ConnectTimedOut(elapsed))
                : exchange.TimedOut(
                    new LateAnswer(null, elapsed.TotalMilliseconds, Complete: false, "no connection within the connect timeout")
                );
        }
        catch (Exception exception)
            when (exception
                    is MalformedResponseException
                        or ResponseEndedException
                        or IOException
                        or System.Net.Sockets.SocketException
                        or AuthenticationException
            )
        {
            var failure = exception switch
            {
                MalformedResponseException malformed => new ObservedFailure(
                    FailureKind.MalformedResponse,
                    "the response is not valid HTTP: " + malformed.Message
                ),
                ResponseEndedException ended => ended.Failure,
                _ => FailureClassifier.Classify(exception),
            };
            var elapsed = time.GetElapsedTime(started);
            if (elapsed < timeout)
                return DeliveryFailures.Observe(sentAt, time, started, failure);
            // Past the budget the delivery has failed already; how the connection ended is what came late.
            var ending = failure.Message.Length > 0 ? char.ToLowerInvariant(failure.Message[0]) + failure.Message[1..] : failure.Message;
            return exchange.TimedOut(new LateAnswer(null, elapsed.TotalMilliseconds, Complete: false, ending));
        }
        finally
        {
            interrupted.Dispose();
            if (exchange.Connection is { } connection)
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
        inProcess?.Dispose();
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

    private async Task<Http1Connection> ConnectAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // The connect timeout bounds the TCP and TLS handshakes; the request's own deadline counts from before them.
        using var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var limit = connectTimeout < timeout ? connectTimeout : timeout;
        connecting.CancelAfter(limit);
        try
        {
            return await (
                open is null ? Http1Connection.OpenAsync(url, trust, connecting.Token) : open(url, connecting.Token)
            ).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && connectTimeout < timeout)
        {
            throw new ConnectTimeoutException();
        }
    }

    private Http1Connection? TakeIdle(Endpoint endpoint)
    {
        if (!pools.TryGetValue(endpoint, out var pool))
            return null;
        var now = time.GetTimestamp();
        while (true)
        {
            Http1Connection? connection;
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

    private void Return(Endpoint endpoint, Http1Connection connection)
    {
        connection.IdleSince = time.GetTimestamp();
        var pool = pools.GetOrAdd(endpoint, static _ => new Stack<Http1Connection>());
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

    /// <summary>How far one exchange got, so a timeout can say where the budget found it.</summary>
    private sealed class Exchange(DateTimeOffset sentAt, long started, TimeSpan timeout)
    {
        public Http1Connection? Connection { get; set; }

        public ResponseHead? Head { get; set; }

        public double HeadersMs { get; set; }

        /// <summary>Body bytes read when the budget ran out; null until it has (or when nothing reads on past it).</summary>
        private long? bytesAtBudget;

        public string? StatusLine =>
            Head is { } head ? $"{head.Status.ToString(CultureInfo.InvariantCulture)} {head.Reason}".TrimEnd() : null;

        public void MarkBudgetEnd() => bytesAtBudget = Connection?.BodyBytes ?? 0;

        /// <summary>A delivery that outlasted its budget, described as of the budget's end, with what came after it.</summary>
        public Observation TimedOut(LateAnswer? late)
        {
            var headersInTime = Head is not null && HeadersMs <= timeout.TotalMilliseconds;
            var failure = DeliveryFailures.TimedOut(
                timeout,
                headersInTime ? StatusLine : null,
                HeadersMs,
                bytesAtBudget ?? Connection?.BodyBytes ?? 0
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
    }

    /// <summary>The TCP (and TLS) handshake took longer than the connect timeout, before the request's own deadline.</summary>
    private sealed class ConnectTimeoutException : Exception;
}
