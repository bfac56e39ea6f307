using System.Net;
using System.Net.Sockets;
using CallHooks.Conformance.Listener;

namespace CallHooks.Conformance.Tests.Listener;

/// <summary>Starting, addressing and stopping the listener, its reserved paths and its log lines.</summary>
public sealed class ListenerHostingTests : ListenerTestBase
{
    [Test]
    public void Port_0_binds_a_free_loopback_port_and_base_url_names_it()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Listener.BaseUrl.Scheme, Is.EqualTo("http"));
            Assert.That(Listener.BaseUrl.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(Listener.BaseUrl.Port, Is.GreaterThan(0));
            Assert.That(Listener.BaseUrl.AbsolutePath, Is.EqualTo("/"));
        });
    }

    [Test]
    public async Task Health_check_answers_ok()
    {
        var reply = await ListenerKit.SendAsync(Client, HttpMethod.Get, "/healthz");

        Assert.Multiple(() =>
        {
            Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(reply.MediaType, Is.EqualTo("text/plain"));
            Assert.That(reply.Body, Is.EqualTo("ok"));
        });
    }

    [Test]
    public async Task Post_to_the_health_check_is_rejected_with_405()
    {
        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.SeedSample), "/healthz");

        PostBodyTests.AssertRejected(reply, HttpStatusCode.MethodNotAllowed, "/healthz only answers GET");
        Assert.That(reply.Allow, Is.EqualTo(new[] { "GET" }));
    }

    [Test]
    public async Task Every_request_writes_one_log_line_with_method_path_status_and_verdict()
    {
        await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.SeedSample), "/hook?caller_number=%2B919711636496");
        await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.Sample(l => l["call_state"] = 1)), "/hook");
        await ListenerKit.SendAsync(Client, HttpMethod.Get, "/healthz");

        Assert.That(
            LogLines,
            Is.EqualTo(
                new[]
                {
                    "POST /hook 200 accepted uid=n2.1596270949.2175190 call_state=1",
                    "POST /hook 400 rejected: call_state must be a string, got number 1",
                    "GET /healthz 200 healthy",
                }
            )
        );
    }

    [Test]
    public async Task A_throwing_log_sink_does_not_change_the_reply()
    {
        await using var listener = await ReferenceListener.StartAsync(
            new ListenerOptions { Log = _ => throw new InvalidOperationException("sink down") }
        );
        using var client = new HttpClient { BaseAddress = listener.BaseUrl };

        var reply = await ListenerKit.PostAsync(client, ListenerKit.Form(ListenerKit.SeedSample));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Two_listeners_run_side_by_side_on_different_ports()
    {
        await using var second = await ReferenceListener.StartAsync(new ListenerOptions());

        Assert.That(second.BaseUrl.Port, Is.Not.EqualTo(Listener.BaseUrl.Port));
    }

    [Test]
    public async Task Localhost_host_binds_loopback()
    {
        await using var listener = await ReferenceListener.StartAsync(new ListenerOptions { Host = "localhost" });

        Assert.That(IPAddress.IsLoopback(IPAddress.Parse(listener.BaseUrl.Host)), Is.True);
    }

    [Test]
    public async Task Stopped_listener_refuses_connections_and_stop_twice_is_harmless()
    {
        var listener = await ReferenceListener.StartAsync(new ListenerOptions());
        using var client = new HttpClient { BaseAddress = listener.BaseUrl };

        await listener.StopAsync();
        await listener.StopAsync();

        Assert.That(async () => await client.GetAsync(new Uri("/healthz", UriKind.Relative)), Throws.InstanceOf<HttpRequestException>());
        await listener.DisposeAsync();
    }

    [Test]
    public void Port_already_in_use_fails_the_start()
    {
        Assert.That(
            async () => await ReferenceListener.StartAsync(new ListenerOptions { Port = Listener.BaseUrl.Port }),
            Throws.InstanceOf<IOException>().Or.InstanceOf<SocketException>()
        );
    }

    [Test]
    public void Invalid_options_are_all_reported_at_once()
    {
        var options = new ListenerOptions
        {
            Host = "example.invalid",
            Port = 70000,
            RequiredHeaderName = "my token",
            BasicPassword = "123456",
        };

        Assert.That(
            async () => await ReferenceListener.StartAsync(options),
            Throws.ArgumentException.With.Message.Contains(
                "Host 'example.invalid' is not an IP address or 'localhost'; Port 70000 is outside 0..65535; "
                    + "RequiredHeaderName and RequiredHeaderValue must be set together; "
                    + "RequiredHeaderName 'my token' is not a valid HTTP header name; BasicPassword is set without BasicUser"
            )
        );
    }

    [Test]
    public void Basic_user_with_a_colon_is_refused()
    {
        Assert.That(
            async () => await ReferenceListener.StartAsync(new ListenerOptions { BasicUser = "a:b" }),
            Throws.ArgumentException.With.Message.Contains("BasicUser must not contain ':'")
        );
    }
}
