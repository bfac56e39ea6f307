using System.Text;
using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Delivery.Http1;
using CallHooks.Conformance.Tests.Support;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Tests.Delivery;

/// <summary>
/// The README's fault matrix, row by row, against a raw TCP server that misbehaves on purpose: every fault
/// becomes an observation with a precise kind, a message that says what happened, and its timings. Both ways the
/// transport runs: a conformance run's (a connection per webhook, reading on past the budget) and a load run's
/// (connections kept alive) must observe every row the same way.
/// </summary>
[TestFixture(Transport.Conformance)]
[TestFixture(Transport.Load)]
public sealed class FaultMatrixTests(Transport transport)
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan LongTimeout = TimeSpan.FromSeconds(5);
    private TransportUnderTest dispatcher = null!;

    /// <summary>A conformance run reads on past the budget and says what came; a load run closes at the timeout, as the provider does.</summary>
    private string Late => transport == Transport.Conformance ? LateClause.Pattern : "$";

    [SetUp]
    public void SetUp() => dispatcher = TransportUnderTest.Create(transport, TlsTrust.System);

    [TearDown]
    public void TearDown() => dispatcher.Dispose();

    [Test]
    public async Task A_host_that_does_not_resolve_is_a_name_resolution_failure()
    {
        // RFC 2606 reserves .invalid: it never resolves, so nothing leaves the machine.
        var observation = await dispatcher.SendAsync(
            Post(new Uri("http://callhooks-test.invalid/hook")),
            LongTimeout,
            CancellationToken.None
        );
        Assert.That(observation.Failure?.Kind, Is.EqualTo(FailureKind.NameResolution), observation.Failure?.Message);
        Assert.That(observation.Failure!.Message, Does.StartWith("host name does not resolve: "));
        Assert.That(observation.Response, Is.Null);
    }

    [Test]
    public async Task A_reset_in_the_middle_of_the_body_is_a_connection_reset()
    {
        var observation = await Against(Faults.ResetMidResponse, LongTimeout);
        Assert.That(observation.Failure?.Kind, Is.EqualTo(FailureKind.ConnectionReset), observation.Failure?.Message);
        Assert.That(observation.Failure!.Message, Does.StartWith("connection reset before the response was complete: "));
    }

    [Test]
    public async Task A_close_without_a_byte_is_an_empty_reply()
    {
        var observation = await Against(Faults.EmptyReply, LongTimeout);
        Assert.That(observation.Failure?.Kind, Is.EqualTo(FailureKind.EmptyReply), observation.Failure?.Message);
        Assert.That(observation.Failure!.Message, Is.EqualTo("the listener closed the connection without sending a response"));
    }

    [Test]
    public async Task A_close_in_the_middle_of_the_headers_says_how_far_they_got()
    {
        var observation = await Against(Faults.CloseInHeaders, LongTimeout);
        Assert.That(observation.Failure?.Kind, Is.EqualTo(FailureKind.ConnectionReset), observation.Failure?.Message);
        Assert.That(
            observation.Failure!.Message,
            Is.EqualTo("connection reset before the response was complete: closed in the middle of the response headers after 27 byte(s)")
        );
    }

    [Test]
    public async Task A_few_bytes_of_garbage_then_a_close_are_a_malformed_response_not_an_empty_reply()
    {
        var observation = await Against(Faults.GarbageThenClose, LongTimeout);
        Assert.That(observation.Failure?.Kind, Is.EqualTo(FailureKind.MalformedResponse), observation.Failure?.Message);
        Assert.That(
            observation.Failure!.Message,
            Is.EqualTo("the response is not valid HTTP: the listener sent 7 byte(s) starting 'garbage', then closed the connection")
        );
    }

    [Test]
    public async Task Response_headers_are_recorded_one_entry_per_value_as_the_client_parses_them()
    {
        var observation = await Against(
            async connection =>
            {
                await connection.WriteAsync(
                    "HTTP/1.1 200 OK\r\nVary: Origin, Accept\r\nContent-Type: text/plain;charset=UTF-8\r\nContent-Length: 2\r\n\r\nok"
                );
                await connection.Stream.FlushAsync(connection.Stopping);
                connection.Close();
            },
            LongTimeout
        );
        Assert.That(
            observation.Response?.Headers,
            Is.EqualTo(
                new[]
                {
                    KeyValuePair.Create("Vary", "Origin"),
                    KeyValuePair.Create("Vary", "Accept"),
                    KeyValuePair.Create("Content-Type", "text/plain; charset=UTF-8"),
                    KeyValuePair.Create("Content-Length", "2"),
                }
            ),
            observation.Failure?.Message
        );
    }

    [Test]
    public async Task Bytes_that_are_not_http_are_a_malformed_response()
    {
        var observation = await Against(Faults.Malformed, LongTimeout);
        Assert.That(observation.Failure?.Kind, Is.EqualTo(FailureKind.MalformedResponse), observation.Failure?.Message);
        Assert.That(observation.Failure!.Message, Does.StartWith("the response is not valid HTTP: "));
    }

    // RFC 9112's framing errors: each fails in both modes, with one kind and one message, however quickly it came.
    [TestCase("HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\nok", "the Content-Length '-5' is not a number")]
    [TestCase("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok", "two Content-Length values disagree (2 and 3)")]
    [TestCase(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n2\r\nok\r\n0\r\n\r\n",
        "it has both Transfer-Encoding and Content-Length, which RFC 9112 treats as an error"
    )]
    [TestCase(
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 102 Processing\r\n\r\nHTTP/1.1 103 Early Hints\r\n\r\n"
            + "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 100 Continue\r\n\r\n"
            + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
        "more than 5 interim (1xx) answers came before the final one"
    )]
    [TestCase("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nX-Padding: {70 KiB}\r\n\r\n", "the status line and headers are longer than 64 KiB")]
    public async Task A_framing_error_is_a_malformed_response_in_the_harness_s_own_words(string response, string problem)
    {
        var bytes = response.Replace("{70 KiB}", new string('a', 70 * 1024), StringComparison.Ordinal);
        var observation = await Against(connection => connection.WriteAsync(bytes), LongTimeout);
        Assert.That(observation.Failure?.Kind, Is.EqualTo(FailureKind.MalformedResponse), observation.Failure?.Message);
        Assert.That(observation.Failure!.Message, Is.EqualTo("the response is not valid HTTP: " + problem));
        Assert.That(observation.Late, Is.Null, "it failed well within the budget");
    }

    [Test]
    public async Task A_flood_of_interim_answers_fails_at_once_instead_of_holding_the_delivery_to_its_timeout()
    {
        // The server stops writing when the client hangs up after the sixth: the rest of the flood is never read.
        var flood = string.Concat(Enumerable.Repeat("HTTP/1.1 100 Continue\r\n\r\n", 100_000));
        var observation = await Against(connection => connection.WriteAsync(flood), LongTimeout);
        Assert.That(observation.Failure?.Kind, Is.EqualTo(FailureKind.MalformedResponse), observation.Failure?.Message);
        Assert.That(
            observation.Failure!.Message,
            Is.EqualTo("the response is not valid HTTP: more than 5 interim (1xx) answers came before the final one")
        );
    }

    [Test]
    public async Task A_chunked_body_that_never_ends_times_out_waiting_for_the_body()
    {
        var observation = await Against(Faults.NeverEndingChunkedBody, ShortTimeout);
        Assert.That(observation.Failure?.Kind, Is.EqualTo(FailureKind.Timeout), observation.Failure?.Message);
        Assert.That(
            observation.Failure!.Message,
            Does.Match(
                @"^no complete response within 300ms \(waiting for the response body; 200 OK came after \d+ ms, then [1-9]\d* body byte\(s\)\)"
                    + Late
            )
        );
        Assert.That(observation.LatencyMs, Is.GreaterThanOrEqualTo(ShortTimeout.TotalMilliseconds - 10));
    }

    [Test]
    public async Task Headers_slower_than_the_timeout_time_out_waiting_for_the_headers()
    {
        var observation = await Against(Faults.SilentUntilClientLeaves, ShortTimeout);
        Assert.That(observation.Failure?.Kind, Is.EqualTo(FailureKind.Timeout), observation.Failure?.Message);
        Assert.That(
            observation.Failure!.Message,
            Does.Match(@"^no complete response within 300ms \(waiting for the response headers\)" + Late)
        );
        Assert.That(observation.LatencyMs, Is.GreaterThanOrEqualTo(ShortTimeout.TotalMilliseconds - 10));
    }

    [Test]
    public async Task A_body_that_trickles_in_slower_than_the_timeout_times_out_with_the_bytes_received()
    {
        var observation = await Against(Faults.TrickleBody, ShortTimeout);
        Assert.That(observation.Failure?.Kind, Is.EqualTo(FailureKind.Timeout), observation.Failure?.Message);
        Assert.That(
            observation.Failure!.Message,
            Does.Match(
                @"^no complete response within 300ms \(waiting for the response body; 200 OK came after \d+ ms, then [1-9]\d* body byte\(s\)\)"
                    + Late
            )
        );
    }

    [Test]
    public async Task A_redirect_is_recorded_as_it_came_and_never_followed()
    {
        await using var elsewhere = FaultServer.Start(Faults.Ok);
        var observation = await Against(Faults.Redirect(elsewhere.Url), LongTimeout);
        Assert.That(observation.Response?.Status, Is.EqualTo(302));
        Assert.That(observation.Response!.Reason, Is.EqualTo("Found"));
        Assert.That(observation.Response.Headers, Does.Contain(KeyValuePair.Create("Location", elsewhere.Url.AbsoluteUri)));
        Assert.That(elsewhere.Requests, Is.Zero, "providers do not follow redirects");
    }

    [Test]
    public async Task A_server_error_is_a_response_with_its_status_headers_and_body()
    {
        var observation = await Against(Faults.ServiceUnavailable, LongTimeout);
        Assert.That(observation.Failure, Is.Null);
        Assert.That(observation.Response?.Status, Is.EqualTo(503));
        Assert.That(observation.Response!.Reason, Is.EqualTo("Service Unavailable"));
        Assert.That(observation.Response.Headers, Does.Contain(KeyValuePair.Create("Retry-After", "30")));
        Assert.That(observation.Response.Body, Is.EqualTo("database is down"));
        Assert.That(observation.Response.HeadersMs, Is.GreaterThan(0).And.LessThanOrEqualTo(observation.LatencyMs));
    }

    [Test]
    public async Task A_401_challenge_is_recorded_with_its_challenge_and_not_answered()
    {
        await using var server = FaultServer.Start(Faults.BasicChallenge);
        var observation = await dispatcher.SendAsync(Post(server.Url), LongTimeout, CancellationToken.None);
        Assert.That(observation.Response?.Status, Is.EqualTo(401));
        Assert.That(
            observation.Response!.Headers,
            Does.Contain(KeyValuePair.Create("WWW-Authenticate", "Basic realm=\"crm\", charset=\"UTF-8\""))
        );
        Assert.That(server.Requests, Is.EqualTo(1), "the dispatcher sends once; it does not answer the challenge");
    }

    [Test]
    public async Task A_50_MB_body_is_read_only_up_to_the_limit_and_the_rest_is_never_read()
    {
        var written = new ByteCounter();
        var observation = await Against(Faults.HugeBody(written), LongTimeout);
        Assert.That(observation.Response?.Status, Is.EqualTo(200), observation.Failure?.Message);
        Assert.That(observation.Response!.BodyTruncated, Is.True);
        Assert.That(observation.Response.BodyBytes, Is.EqualTo(WebhookDispatcher.MaxBodyBytes + 1));
        Assert.That(observation.Response.Body, Has.Length.EqualTo(WebhookDispatcher.MaxBodyBytes));
        // The server could only write what the socket buffers took before the dispatcher closed the connection.
        Assert.That(Interlocked.Read(ref written.Bytes), Is.LessThan(Faults.HugeBodyBytes / 2));
    }

    [Test]
    public async Task A_listener_that_closes_without_answering_gets_the_webhook_once_never_a_hidden_retry()
    {
        await using var server = FaultServer.Start(connection =>
            connection.Index == 0 ? Faults.Ok(connection) : Faults.EmptyReply(connection)
        );
        var first = await dispatcher.SendAsync(Post(server.Url), LongTimeout, CancellationToken.None);
        var second = await dispatcher.SendAsync(Post(server.Url), LongTimeout, CancellationToken.None);
        Assert.That(first.Response?.Status, Is.EqualTo(200));
        Assert.That(second.Failure?.Kind, Is.EqualTo(FailureKind.EmptyReply), second.Failure?.Message);
        Assert.That(server.Requests, Is.EqualTo(2), "a reused connection closed by the listener must not be retried unrecorded");
    }

    private async Task<Observation> Against(Func<FaultConnection, Task> fault, TimeSpan timeout)
    {
        await using var server = FaultServer.Start(fault);
        var observation = await dispatcher.SendAsync(Post(server.Url), timeout, CancellationToken.None);
        Assert.That(server.Requests, Is.EqualTo(1), "the request reached the server once");
        Assert.That(observation.LatencyMs, Is.GreaterThan(0));
        Assert.That(observation.SentAt, Is.Not.EqualTo(default(DateTimeOffset)));
        return observation;
    }

    private static WebhookRequest Post(Uri url) =>
        new()
        {
            Method = "POST",
            Url = url,
            ContentType = "application/x-www-form-urlencoded",
            Body = Encoding.UTF8.GetBytes("myoperator=%7B%7D"),
        };
}
