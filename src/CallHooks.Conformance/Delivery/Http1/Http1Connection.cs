using System.Buffers;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace CallHooks.Conformance.Delivery.Http1;

/// <summary>
/// One HTTP/1.1 connection of a load run: writes a rendered request in a single send and reads the response straight
/// from its own receive buffer. Not thread-safe; the pool hands it to one exchange at a time.
/// </summary>
internal sealed class Http1Connection : IDisposable
{
    /// <summary>The most a status line and headers may take, as HttpClient's default limit.</summary>
    public const int MaxHeadBytes = 64 * 1024;

    /// <summary>
    /// The most interim 1xx answers taken before the final one: RFC 9110 sets no limit, so an endless stream of
    /// <c>100 Continue</c> would otherwise hold the delivery until its timeout. Go's HTTP client stops at 5 too.
    /// </summary>
    public const int MaxInterimResponses = 5;

    /// <summary>
    /// The most a body may take on the wire: a chunked body of the dispatcher's limit sent a byte per chunk takes about
    /// 400 KiB, but chunk extensions and trailers have no limit of their own, and 4 KiB of extension per byte would be
    /// 256 MiB to read for 64 KiB of body. Past this the body counts as truncated, its rest unread.
    /// </summary>
    public const int MaxBodyWireBytes = 1024 * 1024;

    private const int InitialBufferBytes = 16 * 1024;
    private const int MaxLineBytes = 4 * 1024;

    private readonly Socket? socket;
    private readonly Stream stream;
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);
    private int start;
    private int end;
    private BodyPhase bodyPhase;
    private long bodyLeft;
    private bool chunked;
    private bool untilClose;
    private ValueTask<int> readAhead;
    private bool readingAhead;
    private int interimAnswers;
    private long bodyStartsAt;

    private Http1Connection(Socket? socket, Stream stream, bool secure)
    {
        this.socket = socket;
        this.stream = stream;
        Secure = secure;
    }

    /// <summary>The request being sent, rendered here so its buffer is reused for the connection's life.</summary>
    public ArrayBufferWriter<byte> Outgoing { get; } = new(1024);

    /// <summary>The deadline of the exchange in progress; reset after each one that ends in time.</summary>
    public CancellationTokenSource Deadline { get; } = new();

    public bool Secure { get; }

    /// <summary>When the connection went back to the pool (a <see cref="TimeProvider"/> timestamp).</summary>
    public long IdleSince { get; set; }

    /// <summary>Bytes received since the response in progress began.</summary>
    public long ResponseBytes { get; private set; }

    /// <summary>Bytes of the response's body taken so far, for a timeout to say how far the body got.</summary>
    public long BodyBytes { get; private set; }

    /// <summary>True while the body runs until the listener closes (no length, not chunked).</summary>
    public bool BodyEndsAtClose => untilClose && bodyPhase == BodyPhase.Data;

    /// <summary>True when nothing beyond the last response came: extra bytes would be mistaken for the next answer.</summary>
    public bool Drained => start == end;

    /// <summary>
    /// A connection over any stream, for the property tests: they feed the response in chosen splits, without a socket,
    /// to the same parser and exchange a socket's bytes go through.
    /// </summary>
    internal static Http1Connection Over(Stream stream) => new(null, stream, secure: false);

    public static async Task<Http1Connection> OpenAsync(Uri url, TlsTrust trust, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            var host = url.IdnHost;
            // An IPv6 zone id comes percent-encoded in a URL ([fe80::1%25eth0]); the address parser wants it plain.
            if (IPAddress.TryParse(url.HostNameType == UriHostNameType.IPv6 ? Uri.UnescapeDataString(host) : host, out var address))
                await socket.ConnectAsync(new IPEndPoint(address, url.Port), cancellationToken).ConfigureAwait(false);
            else
                await socket.ConnectAsync(new DnsEndPoint(host, url.Port), cancellationToken).ConfigureAwait(false);
            var network = new NetworkStream(socket, ownsSocket: true);
            if (!url.Scheme.Equals(Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase))
                return new Http1Connection(socket, network, secure: false);
            var tls = new SslStream(network, leaveInnerStreamOpen: false);
            try
            {
                await tls.AuthenticateAsClientAsync(
                        new SslClientAuthenticationOptions
                        {
                            TargetHost = host,
                            RemoteCertificateValidationCallback = trust.Callback(),
                            ApplicationProtocols = [SslApplicationProtocol.Http11],
                        },
                        cancellationToken
                    )
                    .ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                await tls.DisposeAsync().ConfigureAwait(false);
                if (exception is OperationCanceledException or AuthenticationException)
                    throw;
                // Whatever else ended the handshake (a listener closing at once gives an EOF IOException), it is a TLS
                // failure, as HttpClient reports it too.
                throw new AuthenticationException(exception.Message, exception);
            }

            return new Http1Connection(socket, tls, secure: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Starts reading the next response before its request is sent, which doubles as the check that an idle connection
    /// is still fit for reuse: the read finishes at once only when the listener has closed the connection or sent
    /// something unasked (its close_notify, for TLS), and then the connection must not carry another request. TLS
    /// session tickets, which would also be waiting, come right after the handshake and were consumed with the first
    /// response. A read left pending becomes the first read of the response (<see cref="ReadAsync"/>), so the check
    /// costs no system call of its own, as a poll would; it runs under <see cref="Deadline"/>, armed for the exchange.
    /// </summary>
    /// <remarks>
    /// This relies on a read completing at once when its data is already there, as it does on Linux and macOS. Windows
    /// may complete even such a read through its I/O completion port, so there the socket is polled first, as before.
    /// A TLS record the listener sent unasked that has only partly arrived leaves the read pending; a close_notify, the
    /// one record a listener sends unasked, is a few dozen bytes and arrives whole.
    /// </remarks>
    /// <returns>False when the connection is closed or not drained: dispose of it.</returns>
    public bool TryReadAhead()
    {
        if (OperatingSystem.IsWindows() && socket?.Poll(0, SelectMode.SelectRead) == true)
            return false;
        MakeRoom();
        var read = stream.ReadAsync(buffer.AsMemory(end), Deadline.Token);
        if (!read.IsCompleted)
        {
            readAhead = read;
            readingAhead = true;
            return true;
        }

        // Finished at once: end of stream, unasked bytes or an error. Observed, so nothing is left unawaited.
        try
        {
            read.GetAwaiter().GetResult();
        }
        catch (Exception exception)
            when (exception is IOException or OperationCanceledException or ObjectDisposedException or AuthenticationException)
        {
            // The connection is dropped either way; the next exchange opens a fresh one and reports its own failures.
        }

        return false;
    }

    public ValueTask SendAsync(CancellationToken cancellationToken) => stream.WriteAsync(Outgoing.WrittenMemory, cancellationToken);

    /// <summary>Starts a new exchange: nothing of an earlier response may be left (see <see cref="Drained"/>).</summary>
    public void BeginResponse()
    {
        ResponseBytes = 0;
        interimAnswers = 0;
        BodyBytes = 0;
    }

    /// <summary>
    /// Reads from the listener into the free part of the buffer. The caller hands the count to <see cref="Received"/>;
    /// it is not awaited here, so an exchange is one async method, not a stack of them resuming one another.
    /// </summary>
    public ValueTask<int> ReadAsync(CancellationToken cancellationToken)
    {
        if (readingAhead)
        {
            var pending = readAhead;
            (readAhead, readingAhead) = (default, false);
            return pending;
        }

        MakeRoom();
        return stream.ReadAsync(buffer.AsMemory(end), cancellationToken);
    }

    /// <returns>False when the listener closed the connection (a read of zero bytes).</returns>
    public bool Received(int count)
    {
        end += count;
        ResponseBytes += count;
        return count > 0;
    }

    /// <summary>
    /// The response's status line and headers once they are all in, else null (read more). Interim 1xx responses
    /// other than 101 are passed over. Throws <see cref="MalformedResponseException"/> for bytes that are not HTTP.
    /// </summary>
    public ResponseHead? TryTakeHead()
    {
        while (true)
        {
            var length = HeadLength();
            if (length < 0)
            {
                if (end - start >= MaxHeadBytes)
                    throw new MalformedResponseException($"the status line and headers are longer than {MaxHeadBytes / 1024} KiB");
                return null;
            }

            var head = ResponseHead.Parse(buffer.AsSpan(start, length));
            start += length;
            SkipBlankLine();
            if (head.Status is >= 100 and < 200 and not 101)
            {
                if (++interimAnswers > MaxInterimResponses)
                    throw new MalformedResponseException(
                        $"more than {MaxInterimResponses} interim (1xx) answers came before the final one"
                    );
                continue;
            }

            BeginBody(head);
            return head;
        }
    }

    /// <summary>What to say when the listener closed the connection before the headers were complete.</summary>
    public ObservedFailure HeadCutShort() => CutShortDiagnosis.Diagnose(buffer.AsSpan(start, end - start), ResponseBytes);

    /// <summary>
    /// Moves body bytes from the buffer into <paramref name="sink"/>, decoding chunked framing, up to <paramref name="limit"/>.
    /// </summary>
    public BodyStep TakeBody(byte[] sink, int limit)
    {
        while (true)
        {
            // Only chunked framing can make the wire outgrow the body: a length or a close bounds it by the sink's limit.
            if (chunked && bodyPhase != BodyPhase.Done && ResponseBytes - (end - start) - bodyStartsAt > MaxBodyWireBytes)
                return BodyStep.LimitReached;
            switch (bodyPhase)
            {
                case BodyPhase.Done:
                    return BodyStep.Complete;
                case BodyPhase.Data:
                    if (bodyLeft == 0)
                    {
                        bodyPhase = chunked ? BodyPhase.DataEnd : BodyPhase.Done;
                        continue;
                    }

                    if (BodyBytes == limit)
                        return BodyStep.LimitReached;
                    if (start == end)
                        return BodyStep.NeedMore;
                    var take = (int)Math.Min(Math.Min(bodyLeft, end - start), limit - BodyBytes);
                    buffer.AsSpan(start, take).CopyTo(sink.AsSpan((int)BodyBytes));
                    start += take;
                    BodyBytes += take;
                    bodyLeft -= take;
                    continue;
                case BodyPhase.SizeLine:
                    if (!TryTakeLine(out var sizeLine, "a chunk size line"))
                        return BodyStep.NeedMore;
                    bodyLeft = ChunkSize(sizeLine);
                    bodyPhase = bodyLeft == 0 ? BodyPhase.Trailer : BodyPhase.Data;
                    continue;
                case BodyPhase.DataEnd:
                    if (!TryTakeLine(out var rest, "a line in the chunked body"))
                        return BodyStep.NeedMore;
                    if (!rest.IsEmpty)
                        throw new MalformedResponseException("a chunk's data is longer than its size says");
                    bodyPhase = BodyPhase.SizeLine;
                    continue;
                case BodyPhase.Trailer:
                    // Trailer fields, if any, up to the blank line; they are not kept.
                    if (!TryTakeLine(out var field, "a trailer line"))
                        return BodyStep.NeedMore;
                    if (field.IsEmpty)
                        bodyPhase = BodyPhase.Done;
                    continue;
            }
        }
    }

    /// <summary>What to say when the listener closed the connection before the body was complete.</summary>
    public ObservedFailure BodyCutShort()
    {
        var partial = buffer.AsSpan(start, end - start);
        if (bodyPhase == BodyPhase.SizeLine && partial.Length > 0 && HexValue(partial[0]) < 0)
            return new ObservedFailure(
                FailureKind.MalformedResponse,
                $"the response is not valid HTTP: the chunk size '{ResponseHead.Printable(partial)}' is not hexadecimal, then the connection closed"
            );
        return new ObservedFailure(
            FailureKind.ConnectionReset,
            $"connection reset before the response was complete: the body was cut short after {ResponseBytes} byte(s) in all"
        );
    }

    public void Dispose()
    {
        stream.Dispose();
        Deadline.Dispose();
        var rented = Interlocked.Exchange(ref buffer, []);
        // A read never awaited (the exchange ended before its response) may still be filling the buffer as the socket
        // closes: that buffer is left to the collector rather than handed to someone else.
        if (rented.Length > 0 && !readingAhead)
            ArrayPool<byte>.Shared.Return(rented);
    }

    private static long ChunkSize(ReadOnlySpan<byte> line)
    {
        var extension = line.IndexOf((byte)';');
        var digits = (extension < 0 ? line : line[..extension]).Trim(" \t"u8);
        long size = 0;
        foreach (var digit in digits)
        {
            var value = HexValue(digit);
            if (value < 0 || size > (long.MaxValue >> 4))
            {
                size = -1;
                break;
            }

            size = (size << 4) | (uint)value;
        }

        if (digits.IsEmpty || size < 0)
            throw new MalformedResponseException($"the chunk size '{ResponseHead.Printable(line)}' is not hexadecimal");
        return size;
    }

    private static int HexValue(byte digit) =>
        digit switch
        {
            >= (byte)'0' and <= (byte)'9' => digit - '0',
            >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
            >= (byte)'A' and <= (byte)'F' => digit - 'A' + 10,
            _ => -1,
        };

    /// <returns>
    /// The length of the head from <see cref="start"/> up to its last line end (the blank line follows), or -1 while
    /// incomplete. RFC 9112 section 2.2: a client may take a bare LF as a line end, so the blank line is "\n\n" or "\n\r\n".
    /// </returns>
    private int HeadLength()
    {
        var received = buffer.AsSpan(start, end - start);
        var bare = received.IndexOf("\n\n"u8);
        var crlf = received.IndexOf("\n\r\n"u8);
        var found =
            bare < 0 ? crlf
            : crlf < 0 ? bare
            : Math.Min(bare, crlf);
        return found < 0 ? -1 : found + 1;
    }

    private void SkipBlankLine()
    {
        if (start < end && buffer[start] == '\r')
            start++;
        if (start < end && buffer[start] == '\n')
            start++;
    }

    /// <summary>The next line without its line end, if it is all in; valid until the buffer is next filled.</summary>
    private bool TryTakeLine(out ReadOnlySpan<byte> line, string what)
    {
        var received = buffer.AsSpan(start, end - start);
        var newline = received.IndexOf((byte)'\n');
        if (newline < 0)
        {
            if (received.Length > MaxLineBytes)
                throw new MalformedResponseException($"{what} is longer than {MaxLineBytes / 1024} KiB");
            line = default;
            return false;
        }

        line = received[..(newline > 0 && received[newline - 1] == '\r' ? newline - 1 : newline)];
        start += newline + 1;
        return true;
    }

    private void BeginBody(ResponseHead head)
    {
        chunked = head.Framing == BodyFraming.Chunked;
        bodyStartsAt = ResponseBytes - (end - start);
        untilClose = head.Framing == BodyFraming.UntilClose;
        (bodyPhase, bodyLeft) = head.Framing switch
        {
            BodyFraming.None => (BodyPhase.Done, 0L),
            BodyFraming.ContentLength => (BodyPhase.Data, head.ContentLength),
            BodyFraming.Chunked => (BodyPhase.SizeLine, 0L),
            _ => (BodyPhase.Data, long.MaxValue),
        };
    }

    /// <summary>Makes room after the bytes not yet taken: moves them to the front, or grows the buffer for a long head.</summary>
    private void MakeRoom()
    {
        if (start == end)
            start = end = 0;
        if (end < buffer.Length)
            return;
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
            return;
        }

        // Only a head gets here (bodies are taken as they come): grow toward the head limit.
        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, end).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }
}
