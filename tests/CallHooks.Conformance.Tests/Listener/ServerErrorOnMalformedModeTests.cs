using System.Net;
using CallHooks.Conformance.Listener;

namespace CallHooks.Conformance.Tests.Listener;

/// <summary>The parser-exception-escapes bug: bodies nobody can read get 500 instead of 4xx; readable ones are unaffected.</summary>
public sealed class ServerErrorOnMalformedModeTests : ListenerTestBase
{
    internal override void Configure(ListenerOptions options) => options.Mode = ListenerMode.ServerErrorOnMalformed;

    [TestCaseSource(typeof(UnreadableBodies), nameof(UnreadableBodies.Cases))]
    public async Task Unreadable_body_gets_500(Func<HttpContent> content, HttpStatusCode strictStatus, string strictErrorStart)
    {
        var reply = await ListenerKit.PostAsync(Client, content());

        Assert.Multiple(() =>
        {
            Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.InternalServerError), $"strict would answer {(int)strictStatus}");
            Assert.That(reply.Error, Does.StartWith("internal listener error: " + strictErrorStart));
        });
    }

    [Test]
    public async Task Readable_log_with_a_wrong_field_still_gets_400()
    {
        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.Sample(l => l["event"] = 2)));

        PostBodyTests.AssertRejected(reply, HttpStatusCode.BadRequest, "event must be a string, got number 2");
    }

    [Test]
    public async Task Valid_delivery_is_accepted()
    {
        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Json(ListenerKit.SeedSample));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Body);
    }
}
