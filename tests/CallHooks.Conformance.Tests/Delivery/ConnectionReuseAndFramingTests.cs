using System.Text;
using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Delivery.Http1;
using CallHooks.Conformance.Tests.Support;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Tests.Delivery;

/// <summary>
/// Load runs' own HTTP/1.1 transport against a raw server: when a connection is reused and when it must not be, and
/// the response framings of RFC 9112 a listener may use. The fault matrix, TLS and WireMock tests run it as well.
/// </summary>
public sealed class ConnectionReuseAndFramingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Test]
    public async Task Deliveries_to_the_same_listener_share_one_kept_alive_connection()
    {
        await using var server = FaultServer.Start(Faults.Ok);
        using var client = NewClient();
        for (var delivery = 0; delivery < 3; delivery++)
            Assert.That((await SendAsync(client, server.Url)).Response?.Body, Is.EqualTo("ok"));
        Assert.That((server.Requests, server.Connections), Is.EqualTo((3, 1)));
    }

    [Test]
    public async Task Connection_close_from_the_listener_means_a_new_connection_for_the_next_delivery()
    {
        await using var server = FaultServer.Start(connection =>
            connection.WriteAsync("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok")
        );
        using var client = NewClient();
        Assert.That((await SendAsync(client, server.Url)).Response?.Status, Is.EqualTo(200));
        Assert.That((await SendAsync(client, server.Url)).Response?.Status, Is.EqualTo(200));
        Assert.That(server.Connections, Is.EqualTo(2));
    }

    [Test]
    public async Task A_connection_the_listener_closed_while_idle_is_not_reused()
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = FaultServer.Start(async connection =>
        {
            await Faults.Ok(connection);
            await connection.Stream.FlushAsync(connection.Stopping);
            connection.Close();
            closed.TrySetResult();
        });
        using var client = NewClient();
        Assert.That((await SendAsync(client, server.Url)).Response?.Status, Is.EqualTo(200));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var second = await SendAsync(client, server.Url);
        Assert.That(second.Response?.Status, Is.EqualTo(200), second.Failure?.Message);
        Assert.That((server.Requests, server.Connections), Is.EqualTo((2, 2)));
    }

    [Test]
    public async Task Bytes_the_listener_sends_to_an_idle_connection_are_not_taken_as_the_next_answer()
    {
        var firstAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var unaskedSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = FaultServer.Start(async connection =>
        {
            if (connection.Index > 0)
            {
                await Faults.Ok(connection);
                return;
            }

            await Faults.Ok(connection);
            await firstAnswered.Task;
            await connection.WriteAsync("HTTP/1.1 500 Unasked\r\nContent-Length: 0\r\n\r\n");
            unaskedSent.TrySetResult();
        });
        using var client = NewClient();
        Assert.That((await SendAsync(client, server.Url)).Response?.Status, Is.EqualTo(200));
        firstAnswered.TrySetResult();
        await unaskedSent.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var second = await SendAsync(client, server.Url);
        Assert.That(second.Response?.Status, Is.EqualTo(200), second.Failure?.Message);
        Assert.That((server.Requests, server.Connections), Is.EqualTo((2, 2)));
    }

    [Test]
    public async Task A_tls_connection_the_listener_closed_while_idle_is_not_reused()
    {
        using var certificate = SelfSignedCertificate.Create();
        await using var server = await ClosingTlsServer.StartAsync(certificate);
        using var client = WebhookDispatcher.ForLoad(TimeSpan.FromSeconds(2), TlsTrust.AcceptAny, TimeProvider.System);
        Assert.That((await SendAsync(client, server.Url)).Response?.Body, Is.EqualTo("ok"));
        await server.FirstClosed.WaitAsync(TimeSpan.FromSeconds(10));
        var second = await SendAsync(client, server.Url);
        Assert.That(second.Response?.Body, Is.EqualTo("ok"), second.Failure?.Message);
        Assert.That(server.Connections, Is.EqualTo(2));
    }

    [Test]
    public async Task A_connection_idle_longer_than_the_limit_is_replaced()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        await using var server = FaultServer.Start(Faults.Ok);
        using var client = WebhookDispatcher.ForLoad(TimeSpan.FromSeconds(2), TlsTrust.System, time);
        await SendAsync(client, server.Url);
        time.Advance(WebhookDispatcher.IdleLimit - TimeSpan.FromMilliseconds(1));
        await SendAsync(client, server.Url);
        Assert.That(server.Connections, Is.EqualTo(1), "idle just under the limit: reused");
        time.Advance(WebhookDispatcher.IdleLimit);
        await SendAsync(client, server.Url);
        Assert.That(server.Connections, Is.EqualTo(2));
    }

    [TestCase(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;name=value\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n",
        "hello world",
        TestName = "Chunked body with an extension and a trailer"
    )]
    [TestCase(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n",
        "ok",
        TestName = "Chunked as the last of several codings"
    )]
    [TestCase("HTTP/1.1 200 OK\nContent-Length: 2\n\nok", "ok", TestName = "Bare LF line ends")]
    [TestCase(
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
        "ok",
        TestName = "An interim 100 Continue before the answer"
    )]
    [TestCase("HTTP/1.1 204 No Content\r\n\r\n", "", TestName = "204 without a length has no body")]
    [TestCase("HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n", "", TestName = "304 has no body, even with a length")]
    [TestCase("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nok", "ok", TestName = "Repeated equal Content-Length")]
    [TestCase("HTTP/1.1 200 OK\r\nContent-Length: 2, 2\r\n\r\nok", "ok", TestName = "Content-Length as a list of equal values")]
    [TestCase(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding:\r\n chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n",
        "ok",
        TestName = "Transfer-Encoding folded onto a second line"
    )]
    public async Task A_framing_the_rfc_allows_is_read_whole_and_the_connection_reused(string response, string body)
    {
        await using var server = FaultServer.Start(connection => connection.WriteAsync(response));
        using var client = NewClient();
        var first = await SendAsync(client, server.Url);
        var second = await SendAsync(client, server.Url);
        Assert.That(first.Response?.Body, Is.EqualTo(body), first.Failure?.Message);
        Assert.That(second.Response?.Body, Is.EqualTo(body), second.Failure?.Message);
        Assert.That(server.Connections, Is.EqualTo(1));
    }

    [TestCase("HTTP/1.0 200 OK\r\n\r\nuntil close", TestName = "HTTP/1.0 body up to the close")]
    [TestCase(
        "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: other\r\n\r\nuntil close",
        TestName = "101 hands the connection over: read to the close"
    )]
    [TestCase("HTTP/1.1 200 OK\r\n\r\nuntil close", TestName = "HTTP/1.1 body without a length, up to the close")]
    public async Task A_body_without_a_length_runs_until_the_listener_closes(string response)
    {
        await using var server = FaultServer.Start(async connection =>
        {
            await connection.WriteAsync(response);
            await connection.Stream.FlushAsync(connection.Stopping);
            connection.Close();
        });
        using var client = NewClient();
        var observation = await SendAsync(client, server.Url);
        Assert.That(observation.Response?.Body, Is.EqualTo("until close"), observation.Failure?.Message);
        var next = await SendAsync(client, server.Url);
        Assert.That(next.Response?.Body, Is.EqualTo("until close"), next.Failure?.Message);
        Assert.That(server.Connections, Is.EqualTo(2), "a connection read to its close is not reused");
    }

    [Test]
    public async Task Connection_close_folded_onto_a_second_line_still_ends_the_connection()
    {
        // The listener keeps the connection open, so only the parser's reading of the folded header can drop it.
        await using var server = FaultServer.Start(connection =>
            connection.WriteAsync("HTTP/1.1 200 OK\r\nConnection: keep-alive,\r\n close\r\nContent-Length: 2\r\n\r\nok")
        );
        using var client = NewClient();
        Assert.That((await SendAsync(client, server.Url)).Response?.Body, Is.EqualTo("ok"));
        Assert.That((await SendAsync(client, server.Url)).Response?.Body, Is.EqualTo("ok"));
        Assert.That(server.Connections, Is.EqualTo(2));
    }

    [TestCase(
        "HTTP/1.1 200 OK\r\nContent-Length: two\r\n\r\nok",
        "the response is not valid HTTP: the Content-Length 'two' is not a number"
    )]
    [TestCase(
        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok",
        "the response is not valid HTTP: two Content-Length values disagree (2 and 3)"
    )]
    [TestCase(
        "HTTP/1.1 200 OK\r\nBad Name: x\r\nContent-Length: 0\r\n\r\n",
        "the response is not valid HTTP: the header name 'Bad Name' is not a token"
    )]
    [TestCase(
        "HTTP/1.1 200 OK\r\nno colon here\r\nContent-Length: 0\r\n\r\n",
        "the response is not valid HTTP: the header line 'no colon here' has no colon"
    )]
    [TestCase(
        "HTTP/2 200 OK\r\nContent-Length: 0\r\n\r\n",
        "the response is not valid HTTP: the status line 'HTTP/2 200 OK' is not 'HTTP/1.x NNN reason'"
    )]
    [TestCase(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nok\r\n0\r\n\r\n",
        "the response is not valid HTTP: the chunk size 'zz' is not hexadecimal"
    )]
    [TestCase(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nok\r\n0\r\n\r\n",
        "the response is not valid HTTP: a chunk's data is longer than its size says"
    )]
    public async Task A_response_that_breaks_http_is_malformed_and_says_how(string response, string message)
    {
        await using var server = FaultServer.Start(connection => connection.WriteAsync(response));
        using var client = NewClient();
        var observation = await SendAsync(client, server.Url);
        Assert.That(observation.Failure?.Kind, Is.EqualTo(FailureKind.MalformedResponse), observation.Failure?.Message);
        Assert.That(observation.Failure!.Message, Is.EqualTo(message));
    }

    [Test]
    public async Task Headers_longer_than_64_KiB_are_malformed()
    {
        var padding = new string('a', 70 * 1024);
        await using var server = FaultServer.Start(connection =>
            connection.WriteAsync($"HTTP/1.1 200 OK\r\nX-Padding: {padding}\r\nContent-Length: 0\r\n\r\n")
        );
        using var client = NewClient();
        var observation = await SendAsync(client, server.Url);
        Assert.That(
            observation.Failure?.Message,
            Is.EqualTo("the response is not valid HTTP: the status line and headers are longer than 64 KiB")
        );
    }

    [Test]
    public async Task A_body_of_exactly_the_limit_is_whole_and_one_byte_more_is_truncated()
    {
        var limit = WebhookDispatcher.MaxBodyBytes;
        await using var server = FaultServer.Start(connection =>
        {
            var length = connection.Index == 0 ? limit : limit + 2;
            return connection.WriteAsync($"HTTP/1.1 200 OK\r\nContent-Length: {length}\r\n\r\n{new string('z', length)}");
        });
        using var client = NewClient();
        var exact = await SendAsync(client, server.Url);
        var longer = await SendAsync(client, server.Url);
        Assert.That(
            (exact.Response?.BodyBytes, exact.Response?.BodyTruncated),
            Is.EqualTo(((long?)limit, (bool?)false)),
            exact.Failure?.Message
        );
        Assert.That(
            (longer.Response?.BodyBytes, longer.Response?.BodyTruncated, longer.Response?.Body.Length),
            Is.EqualTo(((long?)limit + 1, (bool?)true, (int?)limit)),
            longer.Failure?.Message
        );
        Assert.That(server.Connections, Is.EqualTo(1), "the exact body left the connection reusable");
        await SendAsync(client, server.Url);
        Assert.That(server.Connections, Is.EqualTo(2), "the rest of a truncated body is never read, so its connection is not reused");
    }

    [Test]
    public async Task A_header_value_that_is_not_ascii_fails_the_delivery_and_sends_nothing()
    {
        await using var server = FaultServer.Start(Faults.Ok);
        using var client = NewClient();
        var request = Post(server.Url) with { Headers = [KeyValuePair.Create("X-Agent", "Rāj")] };
        var observation = await client.SendAsync(request, Timeout, CancellationToken.None);
        Assert.That(observation.Failure?.Kind, Is.EqualTo(FailureKind.Other));
        Assert.That(
            observation.Failure!.Message,
            Is.EqualTo("the value of header 'X-Agent' is not ASCII; HTTP header values are sent as ASCII")
        );
        Assert.That(server.Requests, Is.Zero);
    }

    [Test]
    public async Task Cancelling_the_run_mid_response_is_recorded_as_cancelled()
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = FaultServer.Start(connection =>
        {
            received.TrySetResult();
            return Faults.SilentUntilClientLeaves(connection);
        });
        using var client = NewClient();
        using var interrupt = new CancellationTokenSource();
        var sending = client.SendAsync(Post(server.Url), Timeout, interrupt.Token);
        await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await interrupt.CancelAsync();
        var observation = await sending;
        Assert.That(observation.Failure?.Kind, Is.EqualTo(FailureKind.Cancelled), observation.Failure?.Message);
    }

    // A reused connection starts reading its answer before the request goes out: that read must still end at the
    // deadline, on cancellation, and be let go when the request cannot be sent at all.
    [Test]
    public async Task A_reused_connection_still_times_out_at_the_deadline()
    {
        await using var server = FaultServer.Start(connection =>
            connection.Index == 0 ? Faults.Ok(connection) : Faults.SilentUntilClientLeaves(connection)
        );
        using var client = NewClient();
        Assert.That((await SendAsync(client, server.Url)).Response?.Status, Is.EqualTo(200));
        var second = await client.SendAsync(Post(server.Url), TimeSpan.FromMilliseconds(300), CancellationToken.None);
        Assert.That(second.Failure?.Kind, Is.EqualTo(FailureKind.Timeout), second.Failure?.Message);
        Assert.That(server.Connections, Is.EqualTo(1), "the second delivery went over the first one's connection");
    }

    [Test]
    public async Task Cancelling_the_run_on_a_reused_connection_is_recorded_as_cancelled()
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = FaultServer.Start(connection =>
        {
            if (connection.Index == 0)
                return Faults.Ok(connection);
            received.TrySetResult();
            return Faults.SilentUntilClientLeaves(connection);
        });
        using var client = NewClient();
        await SendAsync(client, server.Url);
        using var interrupt = new CancellationTokenSource();
        var sending = client.SendAsync(Post(server.Url), Timeout, interrupt.Token);
        await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await interrupt.CancelAsync();
        var observation = await sending;
        Assert.That(observation.Failure?.Kind, Is.EqualTo(FailureKind.Cancelled), observation.Failure?.Message);
        Assert.That(server.Connections, Is.EqualTo(1));
    }

    [Test]
    public async Task A_request_that_cannot_be_sent_on_a_reused_connection_leaves_later_deliveries_working()
    {
        await using var server = FaultServer.Start(Faults.Ok);
        using var client = NewClient();
        await SendAsync(client, server.Url);
        var refused = await client.SendAsync(
            Post(server.Url) with
            {
                Headers = [KeyValuePair.Create("X-Agent", "Rāj")],
            },
            Timeout,
            CancellationToken.None
        );
        Assert.That(refused.Failure?.Kind, Is.EqualTo(FailureKind.Other), refused.Failure?.Message);
        for (var delivery = 0; delivery < 3; delivery++)
            Assert.That((await SendAsync(client, server.Url)).Response?.Body, Is.EqualTo("ok"));
        Assert.That(server.Requests, Is.EqualTo(4), "the refused request never reached the listener");
    }

    [Test]
    public async Task Nothing_listening_is_connection_refused()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        using var client = NewClient();
        var observation = await SendAsync(client, new Uri($"http://127.0.0.1:{port}/hook"));
        Assert.That(observation.Failure?.Kind, Is.EqualTo(FailureKind.ConnectionRefused), observation.Failure?.Message);
        Assert.That(observation.Failure!.Message, Is.EqualTo("connection refused: nothing listens at the target"));
    }

    private static WebhookDispatcher NewClient() =>
        WebhookDispatcher.ForLoad(TimeSpan.FromSeconds(2), TlsTrust.System, TimeProvider.System);

    private static Task<Observation> SendAsync(WebhookDispatcher client, Uri url) =>
        client.SendAsync(Post(url), Timeout, CancellationToken.None);

    private static WebhookRequest Post(Uri url) =>
        new()
        {
            Method = "POST",
            Url = url,
            ContentType = "application/x-www-form-urlencoded",
            Body = Encoding.UTF8.GetBytes("myoperator=%7B%7D"),
        };

    /// <summary>
    /// A TLS listener that answers one request per connection and then closes it without saying so beforehand
    /// (close_notify, then FIN), as a server whose keep-alive timeout ran out does.
    /// </summary>
    private sealed class ClosingTlsServer : IAsyncDisposable
    {
        private readonly System.Net.Sockets.TcpListener listener = new(System.Net.IPAddress.Loopback, 0);
        private readonly CancellationTokenSource stopping = new();
        private readonly TaskCompletionSource firstClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Task accepting = Task.CompletedTask;
        private int connections;

        public Uri Url => new($"https://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}/hook");

        public int Connections => Volatile.Read(ref connections);

        public Task FirstClosed => firstClosed.Task;

        public static Task<ClosingTlsServer> StartAsync(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate)
        {
            var server = new ClosingTlsServer();
            server.listener.Start();
            server.accepting = server.AcceptAsync(certificate);
            return Task.FromResult(server);
        }

        public async ValueTask DisposeAsync()
        {
            await stopping.CancelAsync();
            listener.Stop();
            await accepting.ContinueWith(_ => { }, TaskScheduler.Default);
            stopping.Dispose();
        }

        private async Task AcceptAsync(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate)
        {
            while (!stopping.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(stopping.Token);
                Interlocked.Increment(ref connections);
                await using var tls = new System.Net.Security.SslStream(client.GetStream());
                await tls.AuthenticateAsServerAsync(certificate);
                var received = new List<byte>();
                var buffer = new byte[4096];
                while (!Encoding.ASCII.GetString(received.ToArray()).Contains("myoperator=", StringComparison.Ordinal))
                {
                    var read = await tls.ReadAsync(buffer, stopping.Token);
                    if (read == 0)
                        break;
                    received.AddRange(buffer.AsSpan(0, read).ToArray());
                }

                await tls.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"u8.ToArray(), stopping.Token);
                await tls.ShutdownAsync();
                client.Client.Shutdown(System.Net.Sockets.SocketShutdown.Both);
                firstClosed.TrySetResult();
            }
        }
    }
}
