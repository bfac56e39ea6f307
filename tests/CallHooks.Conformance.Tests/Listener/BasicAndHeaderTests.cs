using System.Net;
using CallHooks.Conformance.Listener;

namespace CallHooks.Conformance.Tests.Listener;

/// <summary>Both protections at once: Basic is checked first, as the brief orders it.</summary>
public sealed class BasicAndHeaderTests : ListenerTestBase
{
    internal override void Configure(ListenerOptions options)
    {
        options.BasicUser = "admin";
        options.BasicPassword = "123456";
        options.RequiredHeaderName = "my-super-secret-token";
        options.RequiredHeaderValue = "abc123def";
    }

    [Test]
    public async Task Missing_both_gives_401_because_basic_is_checked_first()
    {
        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.SeedSample));

        PostBodyTests.AssertRejected(reply, HttpStatusCode.Unauthorized, "Basic credentials are missing");
    }

    [Test]
    public async Task Right_basic_without_the_header_gives_403()
    {
        var reply = await ListenerKit.SendAsync(Client, HttpMethod.Post, "/webhook", ListenerKit.Form(ListenerKit.SeedSample), h =>
            h.Authorization = new("Basic", ListenerKit.BasicValue("admin", "123456"))
        );

        PostBodyTests.AssertRejected(reply, HttpStatusCode.Forbidden, "required header 'my-super-secret-token' is missing");
    }

    [Test]
    public async Task Right_basic_and_right_header_are_accepted()
    {
        var reply = await ListenerKit.SendAsync(Client, HttpMethod.Post, "/webhook", ListenerKit.Form(ListenerKit.SeedSample), h =>
        {
            h.Authorization = new("Basic", ListenerKit.BasicValue("admin", "123456"));
            h.Add("my-super-secret-token", "abc123def");
        });

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Body);
    }

    [Test]
    public async Task Auth_is_checked_before_the_body_is_read()
    {
        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Raw("not a form", "text/plain"));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
