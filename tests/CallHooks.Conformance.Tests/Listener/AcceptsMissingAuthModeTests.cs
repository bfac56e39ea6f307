using System.Net;
using CallHooks.Conformance.Listener;

namespace CallHooks.Conformance.Tests.Listener;

/// <summary>The "compare the secret only when it is there" bug: no credential passes, a wrong one still does not.</summary>
public sealed class AcceptsMissingAuthModeTests : ListenerTestBase
{
    internal override void Configure(ListenerOptions options)
    {
        options.Mode = ListenerMode.AcceptsMissingAuth;
        options.BasicUser = "admin";
        options.BasicPassword = "123456";
        options.RequiredHeaderName = "my-super-secret-token";
        options.RequiredHeaderValue = "abc123def";
    }

    [Test]
    public async Task Request_without_any_credential_is_accepted()
    {
        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.SeedSample));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Body);
        Assert.That(Listener.Calls, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Right_basic_without_the_header_is_accepted()
    {
        var reply = await ListenerKit.SendAsync(Client, HttpMethod.Post, "/webhook", ListenerKit.Form(ListenerKit.SeedSample), h =>
            h.Authorization = new("Basic", ListenerKit.BasicValue("admin", "123456"))
        );

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Body);
    }

    [Test]
    public async Task Wrong_basic_is_still_rejected_with_401()
    {
        var reply = await ListenerKit.SendAsync(Client, HttpMethod.Post, "/webhook", ListenerKit.Form(ListenerKit.SeedSample), h =>
        {
            h.Authorization = new("Basic", ListenerKit.BasicValue("admin", "wrong"));
            h.Add("my-super-secret-token", "abc123def");
        });

        PostBodyTests.AssertRejected(reply, HttpStatusCode.Unauthorized, "Basic credentials are wrong");
    }

    [Test]
    public async Task Wrong_header_is_still_rejected_with_403()
    {
        var reply = await ListenerKit.SendAsync(Client, HttpMethod.Post, "/webhook", ListenerKit.Form(ListenerKit.SeedSample), h =>
            h.Add("my-super-secret-token", "guess")
        );

        PostBodyTests.AssertRejected(reply, HttpStatusCode.Forbidden, "required header 'my-super-secret-token' has the wrong value");
        Assert.That(Listener.Calls, Is.Empty);
    }
}
