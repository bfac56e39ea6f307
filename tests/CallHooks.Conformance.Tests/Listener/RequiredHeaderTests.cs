using System.Net;
using CallHooks.Conformance.Listener;

namespace CallHooks.Conformance.Tests.Listener;

/// <summary>MyOperator's custom header secret (<c>["my-super-secret-token: abc123def"]</c>): 403 when missing or wrong.</summary>
public sealed class RequiredHeaderTests : ListenerTestBase
{
    internal override void Configure(ListenerOptions options)
    {
        options.RequiredHeaderName = "my-super-secret-token";
        options.RequiredHeaderValue = "abc123def";
    }

    [Test]
    public async Task Request_without_the_header_is_rejected_with_403()
    {
        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.SeedSample));

        PostBodyTests.AssertRejected(reply, HttpStatusCode.Forbidden, "required header 'my-super-secret-token' is missing");
        Assert.That(reply.Headers.WwwAuthenticate, Is.Empty);
    }

    [Test]
    public async Task Request_with_a_wrong_header_value_is_rejected_with_403_without_echoing_it()
    {
        var reply = await Send("abc123deX");

        PostBodyTests.AssertRejected(reply, HttpStatusCode.Forbidden, "required header 'my-super-secret-token' has the wrong value");
        Assert.That(reply.Body, Does.Not.Contain("abc123de"));
    }

    [Test]
    public async Task Request_with_the_header_twice_is_rejected_with_403()
    {
        var reply = await ListenerKit.SendAsync(Client, HttpMethod.Post, "/webhook", ListenerKit.Form(ListenerKit.SeedSample), h =>
            h.TryAddWithoutValidation("my-super-secret-token", ["abc123def", "abc123def"])
        );

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Request_with_the_right_header_is_accepted_whatever_the_name_case()
    {
        var reply = await ListenerKit.SendAsync(Client, HttpMethod.Post, "/webhook", ListenerKit.Form(ListenerKit.SeedSample), h =>
            h.Add("My-Super-Secret-Token", "abc123def")
        );

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Body);
    }

    [Test]
    public async Task Log_lines_never_contain_the_header_value()
    {
        await Send("abc123def");
        await Send("wrong-value-xyz");

        Assert.That(string.Join("\n", LogLines), Does.Not.Contain("abc123def").And.Not.Contain("wrong-value-xyz"));
    }

    private Task<Reply> Send(string value) =>
        ListenerKit.SendAsync(Client, HttpMethod.Post, "/webhook", ListenerKit.Form(ListenerKit.SeedSample), h =>
            h.Add("my-super-secret-token", value)
        );
}
