using System.Net;
using System.Net.Sockets;
using System.Text;
using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Tests.Delivery;

/// <summary>Every way a listener can fail becomes a precise observation, never an exception.</summary>
public sealed class WebhookDispatcherTests
{
    private WebhookDispatcher dispatcher = null!;

    [SetUp]
    public void SetUp() => dispatcher = WebhookDispatcher.ForConformance(TimeSpan.FromSeconds(2), TlsTrust.System, TimeProvider.System);

    [TearDown]
    public void TearDown() => dispatcher.Dispose();

    [Test]
    public async Task A_closed_port_is_recorded_as_connection_refused()
    {
        var port = FreePort();
        var observation = await dispatcher.SendAsync(
            Post(new Uri($"http://127.0.0.1:{port}/hook")),
            TimeSpan.FromSeconds(5),
            CancellationToken.None
        );
        Assert.That(observation.Failure?.Kind, Is.EqualTo(FailureKind.ConnectionRefused));
        Assert.That(observation.Response, Is.Null);
    }

    [Test]
    public async Task A_listener_that_never_answers_is_recorded_as_a_timeout_after_the_configured_time()
    {
        using var server = new TcpListener(IPAddress.Loopback, 0);
        server.Start();
        var accepted = server.AcceptTcpClientAsync();
        using var withoutLateReading = WebhookDispatcher.ForConformance(
            TimeSpan.FromSeconds(2),
            TlsTrust.System,
            TimeProvider.System,
            lateWindow: TimeSpan.Zero
        );
        var observation = await withoutLateReading.SendAsync(Post(Url(server)), TimeSpan.FromMilliseconds(300), CancellationToken.None);
        (await accepted).Dispose();
        Assert.That(observation.Failure?.Kind, Is.EqualTo(FailureKind.Timeout));
        Assert.That(observation.Failure!.Message, Is.EqualTo("no complete response within 300ms (waiting for the response headers)"));
        Assert.That(observation.LatencyMs, Is.GreaterThanOrEqualTo(290));
        Assert.That(observation.Late, Is.Null);
    }

    [Test]
    public async Task A_connection_closed_without_a_byte_is_an_empty_reply()
    {
        var observation = await AgainstRawServer(_ => []);
        Assert.That(observation.Failure?.Kind, Is.EqualTo(FailureKind.EmptyReply), observation.Failure?.Message);
    }

    [Test]
    public async Task Garbage_instead_of_http_is_a_malformed_response()
    {
        var observation = await AgainstRawServer(_ => Encoding.ASCII.GetBytes("SSH-2.0-OpenSSH_9.2\r\n\r\n"));
        Assert.That(observation.Failure?.Kind, Is.EqualTo(FailureKind.MalformedResponse), observation.Failure?.Message);
    }

    [Test]
    public async Task A_body_cut_short_is_a_reset()
    {
        var observation = await AgainstRawServer(_ => Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this"));
        Assert.That(observation.Failure?.Kind, Is.EqualTo(FailureKind.ConnectionReset), observation.Failure?.Message);
    }

    [Test]
    public async Task A_redirect_is_recorded_not_followed()
    {
        var observation = await AgainstRawServer(_ =>
            Encoding.ASCII.GetBytes("HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:1/elsewhere\r\nContent-Length: 0\r\n\r\n")
        );
        Assert.That(observation.Response?.Status, Is.EqualTo(302));
        Assert.That(observation.Response!.Headers, Does.Contain(KeyValuePair.Create("Location", "http://127.0.0.1:1/elsewhere")));
    }

    [Test]
    public async Task A_huge_body_is_read_only_up_to_the_limit()
    {
        var body = new string('x', WebhookDispatcher.MaxBodyBytes * 3);
        var observation = await AgainstRawServer(_ =>
            Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {body.Length}\r\n\r\n{body}")
        );
        Assert.That(observation.Response?.BodyTruncated, Is.True);
        Assert.That(observation.Response!.Body, Has.Length.EqualTo(WebhookDispatcher.MaxBodyBytes));
    }

    [Test]
    public async Task Status_reason_headers_and_body_are_recorded()
    {
        var observation = await AgainstRawServer(_ =>
            Encoding.ASCII.GetBytes("HTTP/1.1 503 Busy Now\r\nRetry-After: 7\r\nContent-Type: text/plain\r\nContent-Length: 4\r\n\r\nbusy")
        );
        Assert.That(observation.Response?.Status, Is.EqualTo(503));
        Assert.That(observation.Response!.Reason, Is.EqualTo("Busy Now"));
        Assert.That(observation.Response.Body, Is.EqualTo("busy"));
        Assert.That(observation.Response.Headers, Does.Contain(KeyValuePair.Create("Retry-After", "7")));
        Assert.That(observation.Response.HeadersMs, Is.LessThanOrEqualTo(observation.LatencyMs));
    }

    private async Task<Observation> AgainstRawServer(Func<string, byte[]> answer)
    {
        using var server = new TcpListener(IPAddress.Loopback, 0);
        server.Start();
        var serving = Task.Run(async () =>
        {
            using var connection = await server.AcceptTcpClientAsync();
            var stream = connection.GetStream();
            var buffer = new byte[16384];
            var read = await stream.ReadAsync(buffer);
            await stream.WriteAsync(answer(Encoding.ASCII.GetString(buffer, 0, read)));
            connection.Client.Shutdown(SocketShutdown.Both);
        });
        var observation = await dispatcher.SendAsync(Post(Url(server)), TimeSpan.FromSeconds(5), CancellationToken.None);
        await serving;
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

    private static Uri Url(TcpListener server) => new($"http://127.0.0.1:{((IPEndPoint)server.LocalEndpoint).Port}/hook");

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
