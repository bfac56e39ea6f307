using System.Net;
using CallHooks.Conformance.Listener;

namespace CallHooks.Conformance.Tests.Listener;

/// <summary>MyOperator's Basic credentials: 401 with a challenge when missing or wrong.</summary>
public sealed class BasicAuthTests : ListenerTestBase
{
    internal override void Configure(ListenerOptions options)
    {
        options.BasicUser = "admin";
        options.BasicPassword = "123456";
    }

    [Test]
    public async Task Request_without_credentials_is_rejected_with_401_and_a_basic_challenge()
    {
        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.SeedSample));

        PostBodyTests.AssertRejected(reply, HttpStatusCode.Unauthorized, "Basic credentials are missing");
        Assert.That(reply.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Basic realm=\"callhooks\""));
    }

    [Test]
    public async Task Request_with_a_wrong_password_is_rejected_with_401()
    {
        var reply = await Send("Basic", ListenerKit.BasicValue("admin", "654321"));

        PostBodyTests.AssertRejected(reply, HttpStatusCode.Unauthorized, "Basic credentials are wrong");
        Assert.That(reply.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Basic realm=\"callhooks\""));
    }

    [Test]
    public async Task Request_with_a_wrong_user_is_rejected_with_401()
    {
        var reply = await Send("Basic", ListenerKit.BasicValue("root", "123456"));

        PostBodyTests.AssertRejected(reply, HttpStatusCode.Unauthorized, "Basic credentials are wrong");
    }

    [Test]
    public async Task Request_with_a_bearer_token_is_rejected_with_401()
    {
        var reply = await Send("Bearer", "abc123def");

        PostBodyTests.AssertRejected(reply, HttpStatusCode.Unauthorized, "Authorization header does not use the Basic scheme");
    }

    [Test]
    public async Task Request_with_credentials_that_are_not_base64_is_rejected_with_401()
    {
        var reply = await Send("Basic", "admin:123456");

        PostBodyTests.AssertRejected(reply, HttpStatusCode.Unauthorized, "Basic credentials are not valid base64");
    }

    [Test]
    public async Task Request_with_the_right_credentials_is_accepted()
    {
        var reply = await Send("Basic", ListenerKit.BasicValue("admin", "123456"));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Body);
    }

    [Test]
    public async Task Call_lookup_needs_the_credentials_too()
    {
        await Send("Basic", ListenerKit.BasicValue("admin", "123456"));

        var anonymous = await ListenerKit.SendAsync(Client, HttpMethod.Get, "/calls/" + ListenerKit.SeedUid);
        var signedIn = await ListenerKit.SendAsync(Client, HttpMethod.Get, "/calls/" + ListenerKit.SeedUid, headers: h =>
            h.Authorization = new("Basic", ListenerKit.BasicValue("admin", "123456"))
        );

        Assert.That(anonymous.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(signedIn.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Health_check_needs_no_credentials()
    {
        var reply = await ListenerKit.SendAsync(Client, HttpMethod.Get, "/healthz");

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Log_lines_never_contain_the_password_or_the_authorization_value()
    {
        var wrong = ListenerKit.BasicValue("admin", "s3cr3t-wrong");
        var right = ListenerKit.BasicValue("admin", "123456");
        await Send("Basic", wrong);
        await Send("Basic", right);

        var all = string.Join("\n", LogLines);
        Assert.Multiple(() =>
        {
            Assert.That(LogLines, Has.Count.EqualTo(2));
            Assert.That(all, Does.Not.Contain("123456").And.Not.Contain("s3cr3t").And.Not.Contain(wrong).And.Not.Contain(right));
        });
    }

    private Task<Reply> Send(string scheme, string parameter) =>
        ListenerKit.SendAsync(Client, HttpMethod.Post, "/webhook", ListenerKit.Form(ListenerKit.SeedSample), h =>
            h.Authorization = new(scheme, parameter)
        );
}
