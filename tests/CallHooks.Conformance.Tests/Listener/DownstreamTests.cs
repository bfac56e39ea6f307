using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using CallHooks.Conformance.Listener;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Listener;

/// <summary>
/// The listener's side effect: each finished call is POSTed once to the CRM. A loopback receiver stands in for the
/// CRM; tests wait for its signal (bounded), and disposing the listener waits for pushes in flight, so "nothing
/// else arrived" is a fact, not a guess.
/// </summary>
public sealed class DownstreamTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private static readonly string[] Answered = ["1", "5", "6", "2"];

    private readonly ConcurrentQueue<string> logLines = new();

    // NUnit reuses one fixture instance for every test.
    [SetUp]
    public void ForgetEarlierLogLines() => logLines.Clear();

    [TestCase("9711636496")]
    [TestCase("+919711636496")]
    public async Task Finished_call_is_pushed_once_with_the_caller_in_E164(string clid)
    {
        var arrived = Signal();
        await using var crm = await ScriptedListener.StartAsync(context =>
        {
            arrived.TrySetResult();
            return Task.CompletedTask;
        });
        await using var listener = await StartAsync(crm.BaseUrl);
        using var client = new HttpClient { BaseAddress = listener.BaseUrl };

        foreach (var state in Answered.Append("2").Append("6"))
            await ListenerKit.PostAsync(client, ListenerKit.Form(ListenerKit.Sample(l => Finish(l, state, "1", clid))));
        await arrived.Task.WaitAsync(Bound);
        await listener.DisposeAsync();

        var push = crm.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(push.Method, Is.EqualTo("POST"));
            Assert.That(push.PathAndQuery, Is.EqualTo("/hook"));
            Assert.That(push.Headers["Content-Type"], Is.EqualTo("application/json"));
            Assert.That(
                push.Body,
                Is.EqualTo("""{"uid":"n2.1596270949.2175190","caller":"+919711636496","status":"1","call_state":"2"}""")
            );
            Assert.That(logLines, Does.Contain("downstream push uid=n2.1596270949.2175190: 200"));
        });
    }

    [Test]
    public async Task Each_finished_call_is_pushed_with_its_own_uid_and_status()
    {
        var both = Signal();
        ScriptedListener? crm = null;
        await using var receiver = crm = await ScriptedListener.StartAsync(_ =>
        {
            if (crm!.Requests.Count == 2)
                both.TrySetResult();
            return Task.CompletedTask;
        });
        await using var listener = await StartAsync(crm.BaseUrl);
        using var client = new HttpClient { BaseAddress = listener.BaseUrl };

        await ListenerKit.PostAsync(client, ListenerKit.Form(ListenerKit.State("2", "2")));
        await ListenerKit.PostAsync(
            client,
            ListenerKit.Form(
                ListenerKit.Sample(l =>
                {
                    (l["uid"], l["id"], l["call_state"], l["status"]) = ("s5.1596270949.9", "00000000000000aa", "2", "3");
                })
            )
        );
        await both.Task.WaitAsync(Bound);

        Assert.That(
            crm.Requests.Select(r => r.Body),
            Is.EquivalentTo(
                new[]
                {
                    """{"uid":"n2.1596270949.2175190","caller":"+919711636496","status":"2","call_state":"2"}""",
                    """{"uid":"s5.1596270949.9","caller":"+919711636496","status":"3","call_state":"2"}""",
                }
            )
        );
    }

    [TestCase(ListenerMode.Strict, new[] { "1", "5", "6" })]
    [TestCase(ListenerMode.KeepsNoRecord, new[] { "1", "5", "6", "2" })]
    public async Task Nothing_is_pushed_for_an_unfinished_call_or_by_a_listener_that_keeps_no_record(ListenerMode mode, string[] states)
    {
        await using var crm = await ScriptedListener.AnsweringAsync(200);
        await using var listener = await StartAsync(crm.BaseUrl, mode);
        using var client = new HttpClient { BaseAddress = listener.BaseUrl };

        foreach (var state in states)
            Assert.That(
                (await ListenerKit.PostAsync(client, ListenerKit.Form(ListenerKit.State(state)))).Status,
                Is.EqualTo(HttpStatusCode.OK)
            );
        await listener.DisposeAsync();

        Assert.That(crm.Requests, Is.Empty);
    }

    [Test]
    public async Task Listener_that_fails_duplicates_still_pushes_the_finish_once()
    {
        await using var crm = await ScriptedListener.AnsweringAsync(200);
        await using var listener = await StartAsync(crm.BaseUrl, ListenerMode.FailsDuplicates);
        using var client = new HttpClient { BaseAddress = listener.BaseUrl };

        var first = await ListenerKit.PostAsync(client, ListenerKit.Form(ListenerKit.State("2")));
        var retry = await ListenerKit.PostAsync(client, ListenerKit.Form(ListenerKit.State("2")));
        await listener.DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That((first.Status, retry.Status), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.InternalServerError)));
            Assert.That(crm.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Webhook_answer_does_not_wait_for_the_downstream()
    {
        var arrived = Signal();
        var release = Signal();
        await using var crm = await ScriptedListener.StartAsync(async context =>
        {
            arrived.TrySetResult();
            await release.Task.WaitAsync(context.RequestAborted);
        });
        await using var listener = await StartAsync(crm.BaseUrl);
        using var client = new HttpClient { BaseAddress = listener.BaseUrl };

        var reply = await ListenerKit.PostAsync(client, ListenerKit.Form(ListenerKit.State("2"))).WaitAsync(Bound);
        var pushLoggedBeforeTheAnswer = logLines.Any(line => line.StartsWith("downstream", StringComparison.Ordinal));
        await arrived.Task.WaitAsync(Bound);
        release.TrySetResult();
        await listener.DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(pushLoggedBeforeTheAnswer, Is.False);
            Assert.That(logLines, Does.Contain("downstream push uid=n2.1596270949.2175190: 200"));
        });
    }

    [Test]
    public async Task Downstream_that_answers_an_error_is_logged_and_the_webhook_still_gets_200()
    {
        await using var crm = await ScriptedListener.AnsweringAsync(503);
        await using var listener = await StartAsync(crm.BaseUrl);
        using var client = new HttpClient { BaseAddress = listener.BaseUrl };

        var reply = await ListenerKit.PostAsync(client, ListenerKit.Form(ListenerKit.State("2")));
        await listener.DisposeAsync();

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(logLines, Does.Contain("downstream push uid=n2.1596270949.2175190 failed: the CRM answered 503"));
    }

    [Test]
    public async Task Unreachable_downstream_is_logged_and_the_webhook_still_gets_200()
    {
        await using var listener = await StartAsync(new Uri($"http://127.0.0.1:{FreePort()}/crm"));
        using var client = new HttpClient { BaseAddress = listener.BaseUrl };

        var reply = await ListenerKit.PostAsync(client, ListenerKit.Form(ListenerKit.State("2")));
        await listener.DisposeAsync();

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(
            logLines.Where(line => line.StartsWith("downstream", StringComparison.Ordinal)).ToArray(),
            Has.Length.EqualTo(1).And.All.StartsWith("downstream push uid=n2.1596270949.2175190 failed: ")
        );
    }

    [Test]
    public async Task Downstream_that_never_answers_is_given_up_after_two_seconds_and_logged()
    {
        var arrived = Signal();
        await using var crm = await ScriptedListener.StartAsync(async context =>
        {
            arrived.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        await using var listener = await StartAsync(crm.BaseUrl);
        using var client = new HttpClient { BaseAddress = listener.BaseUrl };

        await ListenerKit.PostAsync(client, ListenerKit.Form(ListenerKit.State("2")));
        await arrived.Task.WaitAsync(Bound);
        await listener.DisposeAsync().AsTask().WaitAsync(Bound);

        Assert.That(logLines, Does.Contain("downstream push uid=n2.1596270949.2175190 failed: no answer within 2 s"));
    }

    private static TaskCompletionSource Signal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static void Finish(System.Text.Json.Nodes.JsonObject log, string state, string status, string clid)
    {
        log["call_state"] = state;
        log["status"] = state == "2" ? status : null;
        log["clid"] = clid;
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private Task<ReferenceListener> StartAsync(Uri downstream, ListenerMode mode = ListenerMode.Strict) =>
        ReferenceListener.StartAsync(
            new ListenerOptions
            {
                DownstreamUrl = downstream,
                Mode = mode,
                Log = logLines.Enqueue,
            }
        );
}
