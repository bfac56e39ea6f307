using System.Text;
using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Tests.Support;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Tests.Delivery;

/// <summary>
/// The dispatcher against WireMock's standalone Java jar, its faults injected through the admin API, for what
/// WireMock.Net in process (<see cref="WireMockNetFaultTests"/>) cannot produce: a reset (CONNECTION_RESET_BY_PEER),
/// garbage instead of HTTP (RANDOM_DATA_THEN_CLOSE), a close without a byte (EMPTY_RESPONSE) and a broken chunk
/// (MALFORMED_RESPONSE_CHUNK), which break the connection or the framing where WireMock.Net's faults of the last
/// two names only change the body of a valid 200, and a body dribbled in chunks over time (chunkedDribbleDelay).
/// Agreeing with our own raw fault server proves little; agreeing with WireMock's faults proves the classification
/// holds for bytes we did not write. Both transports: a conformance run's and a load run's.
/// </summary>
[TestFixture(Transport.Conformance)]
[TestFixture(Transport.Load)]
public sealed class WireMockJarFaultTests(Transport transport)
{
    private WireMockJar wireMock = null!;
    private TransportUnderTest client = null!;

    [OneTimeSetUp]
    public async Task StartWireMock()
    {
        wireMock = await WireMockJar.StartAsync();
        client = TransportUnderTest.Create(transport, TlsTrust.System);
        foreach (var fault in new[] { "CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE" })
            await wireMock.StubAsync(
                """{"request":{"method":"POST","url":"/fault/FAULT"},"response":{"fault":"FAULT"}}""".Replace(
                    "FAULT",
                    fault,
                    StringComparison.Ordinal
                )
            );
        await wireMock.StubAsync(
            """{"request":{"method":"POST","url":"/dribble-slow"},"response":{"status":200,"body":"0123456789abcdefghij","chunkedDribbleDelay":{"numberOfChunks":10,"totalDuration":5000}}}"""
        );
        await wireMock.StubAsync(
            """{"request":{"method":"POST","url":"/dribble-fast"},"response":{"status":200,"body":"0123456789abcdefghij","chunkedDribbleDelay":{"numberOfChunks":5,"totalDuration":100}}}"""
        );
    }

    [OneTimeTearDown]
    public async Task StopWireMock()
    {
        client?.Dispose();
        if (wireMock is not null)
            await wireMock.DisposeAsync();
    }

    [TestCase("CONNECTION_RESET_BY_PEER", FailureKind.ConnectionReset, "connection reset before the response was complete: ")]
    [TestCase("EMPTY_RESPONSE", FailureKind.EmptyReply, "the listener closed the connection without sending a response")]
    [TestCase("MALFORMED_RESPONSE_CHUNK", FailureKind.MalformedResponse, "the response is not valid HTTP: ")]
    [TestCase("RANDOM_DATA_THEN_CLOSE", FailureKind.MalformedResponse, "the response is not valid HTTP: ")]
    public async Task An_injected_fault_is_recorded_with_its_precise_kind(string fault, object kindCase, string message)
    {
        var kind = (FailureKind)kindCase;
        var observation = await SendAsync("/fault/" + fault, TimeSpan.FromSeconds(5));
        Assert.That(observation.Failure?.Kind, Is.EqualTo(kind), observation.Failure?.Message);
        Assert.That(observation.Failure!.Message, Does.StartWith(message));
        Assert.That(observation.Response, Is.Null);
        Assert.That(observation.LatencyMs, Is.GreaterThan(0));
    }

    [Test]
    public async Task A_dribbled_body_slower_than_the_timeout_times_out_waiting_for_the_body()
    {
        // WireMock sends the headers with the first chunk, 500 ms in; the body would take 5 s.
        var observation = await SendAsync("/dribble-slow", TimeSpan.FromSeconds(1));
        Assert.That(observation.Failure?.Kind, Is.EqualTo(FailureKind.Timeout), observation.Failure?.Message);
        Assert.That(
            observation.Failure!.Message,
            Does.StartWith("no complete response within 1s (waiting for the response body; 200 OK came after ")
        );
    }

    [Test]
    public async Task A_dribbled_body_within_the_timeout_arrives_whole_with_headers_before_the_end()
    {
        var observation = await SendAsync("/dribble-fast", TimeSpan.FromSeconds(5));
        Assert.That(observation.Response?.Body, Is.EqualTo("0123456789abcdefghij"), observation.Failure?.Message);
        Assert.That(observation.Response!.HeadersMs, Is.LessThanOrEqualTo(observation.LatencyMs));
    }

    private Task<Observation> SendAsync(string path, TimeSpan timeout) =>
        client.SendAsync(
            new WebhookRequest
            {
                Method = "POST",
                Url = new Uri(wireMock.BaseUrl, path),
                ContentType = "application/x-www-form-urlencoded",
                Body = Encoding.UTF8.GetBytes("myoperator=%7B%7D"),
            },
            timeout,
            CancellationToken.None
        );
}
