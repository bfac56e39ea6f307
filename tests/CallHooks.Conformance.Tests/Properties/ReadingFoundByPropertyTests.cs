using System.Text;
using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Delivery.Http1;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Tests.Properties;

/// <summary>The response-reading cases the properties found, kept as examples with the seeds that found them.</summary>
public sealed class ReadingFoundByPropertyTests
{
    private const int Limit = WebhookDispatcher.MaxBodyBytes;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Test]
    public async Task A_body_of_exactly_the_limit_plus_one_is_truncated_though_its_framing_is_complete()
    {
        // Seed 2ygMenQeD2o2: the body ended as its length said at the very byte the sink filled up.
        var response = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {Limit + 1}\r\n\r\n{new string('x', Limit + 1)}");
        var observation = await InMemoryExchange.SendAsync(new SplitStream(response, [], stallAtEnd: false), Timeout);
        Assert.That(
            (observation.Response?.BodyBytes, observation.Response?.BodyTruncated),
            Is.EqualTo(((long?)Limit + 1, (bool?)true)),
            observation.Failure?.Message
        );
    }

    [TestCase("1\r\nz\r\n", TestName = "Endless one-byte chunks (seed 8hwoqG52obk1)")]
    [TestCase(
        "1;xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\r\nz\r\n",
        TestName = "Endless one-byte chunks with long extensions"
    )]
    public async Task Chunked_framing_that_outgrows_its_body_is_cut_off_at_the_wire_limit(string repeated)
    {
        var stream = new EndlessStream(
            Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"),
            Encoding.ASCII.GetBytes(repeated),
            []
        );
        var observation = await InMemoryExchange.SendAsync(stream, Timeout);
        Assert.That(observation.Response?.BodyTruncated, Is.True, observation.Failure?.Message);
        Assert.That(stream.BytesRead, Is.LessThanOrEqualTo(Http1Connection.MaxBodyWireBytes + 256 * 1024));
    }
}
