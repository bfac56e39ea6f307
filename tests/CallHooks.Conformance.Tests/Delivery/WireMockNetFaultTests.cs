using System.Text;
using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Tests.Support;
using CallHooks.Conformance.Wire;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace CallHooks.Conformance.Tests.Delivery;

/// <summary>
/// The dispatcher against WireMock.Net running in this process, on a free loopback port: an independent server
/// (Kestrel's framing, WireMock.Net's stubs) for every case it can produce: its two faults, a fixed delay, a
/// redirect, 503 and 401. What it cannot produce (a reset, garbage instead of HTTP, a broken chunk, a close
/// without a byte, a dribbled body) stays on WireMock's Java jar, in <see cref="WireMockJarFaultTests"/>. Both
/// transports: a conformance run's and a load run's.
/// </summary>
[TestFixture(Transport.Conformance)]
[TestFixture(Transport.Load)]
public sealed class WireMockNetFaultTests(Transport transport)
{
    /// <summary>The stubs' body, which the faults withhold (EMPTY_RESPONSE) or cut in half (MALFORMED_RESPONSE_CHUNK).</summary>
    private const string Body = "0123456789abcdefghij";

    /// <summary>A conformance run reads on past the budget and says what came; a load run closes at the timeout, as the provider does.</summary>
    private string Late => transport == Transport.Conformance ? LateClause.Pattern : "$";

    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan LongTimeout = TimeSpan.FromSeconds(5);
    private WireMockServer server = null!;
    private Uri baseUrl = null!;
    private TransportUnderTest client = null!;

    [OneTimeSetUp]
    public async Task StartWireMockNet()
    {
        // Port 0 with an IP address: Kestrel binds 127.0.0.1 only and the system picks a free port, which Ports
        // reports once started. ("localhost:0" or no Urls would listen on every interface.)
        server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
        baseUrl = new Uri($"http://127.0.0.1:{server.Ports[0]}/");
        client = TransportUnderTest.Create(transport, TlsTrust.System);
        Stub("/fault/EMPTY_RESPONSE", Response.Create().WithBody(Body).WithFault(FaultType.EMPTY_RESPONSE));
        Stub("/fault/MALFORMED_RESPONSE_CHUNK", Response.Create().WithBody(Body).WithFault(FaultType.MALFORMED_RESPONSE_CHUNK));
        Stub("/slow-headers", Response.Create().WithBody("late").WithDelay(TimeSpan.FromSeconds(1)));
        Stub("/redirect", Response.Create().WithStatusCode(302).WithHeader("Location", "/elsewhere"));
        Stub("/unavailable", Response.Create().WithStatusCode(503).WithBody("down for maintenance"));
        Stub("/challenge", Response.Create().WithStatusCode(401).WithHeader("WWW-Authenticate", "Basic realm=\"crm\""));
        // The server shares this process: its first request compiles its code, which took over 300 ms here, and would
        // let the fixed delay's timeout pass with no delay at all. One request first, so each test meets a warm server.
        Stub("/warm-up", Response.Create().WithBody("warm"));
        var warmUp = await SendAsync("/warm-up", LongTimeout);
        Assert.That(warmUp.Response?.Body, Is.EqualTo("warm"), warmUp.Failure?.Message);
    }

    [OneTimeTearDown]
    public void StopWireMockNet()
    {
        client?.Dispose();
        // Stop waits for the server to close; Dispose alone only starts stopping it.
        server?.Stop();
        server?.Dispose();
    }

    [Test]
    public async Task Its_empty_response_fault_is_a_complete_200_without_a_body_not_an_empty_reply()
    {
        // WireMock.Net's EMPTY_RESPONSE only withholds the body: Kestrel still sends "200 OK", the headers and the
        // last chunk (0 CRLF CRLF), which is valid HTTP. WireMock's Java EMPTY_RESPONSE closes the connection without
        // a byte, an emptyReply (WireMockJarFaultTests); no WireMock.Net setting does that.
        var observation = await SendAsync("/fault/EMPTY_RESPONSE", LongTimeout);
        Assert.That(observation.Failure, Is.Null, observation.Failure?.Message);
        Assert.That(observation.Response!.Status, Is.EqualTo(200));
        Assert.That(observation.Response.Headers, Does.Contain(KeyValuePair.Create("Transfer-Encoding", "chunked")));
        Assert.That(observation.Response.Body, Is.Empty);
        Assert.That(observation.Response.BodyBytes, Is.Zero);
        Assert.That(observation.LatencyMs, Is.GreaterThan(0));
    }

    [Test]
    public async Task Its_malformed_chunk_fault_is_a_complete_200_whose_body_is_half_the_body_then_random_bytes()
    {
        // WireMock.Net's MALFORMED_RESPONSE_CHUNK writes the first half of the body, then random bytes, as the body,
        // and Kestrel frames them in a valid chunk: the HTTP is intact, only the content is garbage, so it is a
        // response (for the rules to judge) and not a malformedResponse. WireMock's Java fault of that name breaks
        // the chunked framing itself (WireMockJarFaultTests).
        var observation = await SendAsync("/fault/MALFORMED_RESPONSE_CHUNK", LongTimeout);
        Assert.That(observation.Failure, Is.Null, observation.Failure?.Message);
        Assert.That(observation.Response!.Status, Is.EqualTo(200));
        Assert.That(observation.Response.Headers, Does.Contain(KeyValuePair.Create("Transfer-Encoding", "chunked")));
        Assert.That(observation.Response.Body, Does.StartWith(Body[..(Body.Length / 2)]));
        Assert.That(observation.Response.Body, Is.Not.EqualTo(Body));
        Assert.That(observation.Response.BodyBytes, Is.GreaterThan(Body.Length / 2));
        Assert.That(observation.Response.BodyTruncated, Is.False);
    }

    [Test]
    public async Task A_fixed_delay_longer_than_the_timeout_times_out_waiting_for_the_headers()
    {
        var observation = await SendAsync("/slow-headers", ShortTimeout);
        Assert.That(observation.Failure?.Kind, Is.EqualTo(FailureKind.Timeout), observation.Failure?.Message);
        Assert.That(
            observation.Failure!.Message,
            Does.Match(@"^no complete response within 300ms \(waiting for the response headers\)" + Late)
        );
        Assert.That(observation.Response, Is.Null);
        Assert.That(observation.LatencyMs, Is.GreaterThanOrEqualTo(ShortTimeout.TotalMilliseconds - 10));
    }

    [Test]
    public async Task A_redirect_is_recorded_and_not_followed()
    {
        var before = Received("/elsewhere");
        var observation = await SendAsync("/redirect", LongTimeout);
        Assert.That(observation.Response?.Status, Is.EqualTo(302), observation.Failure?.Message);
        Assert.That(observation.Response!.Headers, Does.Contain(KeyValuePair.Create("Location", "/elsewhere")));
        Assert.That(Received("/redirect"), Is.GreaterThan(0));
        Assert.That(Received("/elsewhere"), Is.EqualTo(before));
    }

    [TestCase("/unavailable", 503, "down for maintenance")]
    [TestCase("/challenge", 401, "")]
    public async Task Error_statuses_are_responses_with_their_body(string url, int status, string body)
    {
        var observation = await SendAsync(url, LongTimeout);
        Assert.That(observation.Response?.Status, Is.EqualTo(status), observation.Failure?.Message);
        Assert.That(observation.Response!.Body, Is.EqualTo(body));
        if (status == 401)
            Assert.That(observation.Response.Headers, Does.Contain(KeyValuePair.Create("WWW-Authenticate", "Basic realm=\"crm\"")));
    }

    private void Stub(string path, IResponseBuilder response) =>
        server.Given(Request.Create().WithPath(path).UsingPost()).RespondWith(response);

    /// <summary>How many requests WireMock.Net received for <paramref name="path"/>, matched or not, from its request log.</summary>
    private int Received(string path) => server.LogEntries.Count(entry => entry.RequestMessage?.Path == path);

    private Task<Observation> SendAsync(string path, TimeSpan timeout) =>
        client.SendAsync(
            new WebhookRequest
            {
                Method = "POST",
                Url = new Uri(baseUrl, path),
                ContentType = "application/x-www-form-urlencoded",
                Body = Encoding.UTF8.GetBytes("myoperator=%7B%7D"),
            },
            timeout,
            CancellationToken.None
        );
}
