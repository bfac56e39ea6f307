using System.Net;

namespace CallHooks.Conformance.Tests.Listener;

/// <summary>MyOperator's GET carries only the query parameters the user mapped, and no body.</summary>
public sealed class GetWebhookTests : ListenerTestBase
{
    [Test]
    public async Task Get_with_mapped_query_parameters_is_accepted()
    {
        var reply = await ListenerKit.SendAsync(
            Client,
            HttpMethod.Get,
            "/webhook.php?caller_number=%2B919999999999&uid=n2.1596270949.2175190&call_state=1"
        );

        Assert.Multiple(() =>
        {
            Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Body);
            Assert.That(reply.MediaType, Is.EqualTo("application/json"));
            Assert.That(reply.Body, Is.EqualTo("""{"ok":true,"query_parameters":3}"""));
        });
    }

    [Test]
    public async Task Get_without_query_parameters_is_accepted()
    {
        var reply = await ListenerKit.SendAsync(Client, HttpMethod.Get, "/any/path/at/all");

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Body);
    }

    [Test]
    public async Task Get_with_a_body_is_rejected_with_400()
    {
        var reply = await ListenerKit.SendAsync(
            Client,
            HttpMethod.Get,
            "/webhook.php?uid=n2.1596270949.2175190",
            ListenerKit.Form(ListenerKit.SeedSample)
        );

        PostBodyTests.AssertRejected(
            reply,
            HttpStatusCode.BadRequest,
            "a GET webhook must not carry a body (MyOperator sends GET with query parameters only)"
        );
    }

    [Test]
    public async Task Get_webhook_records_no_call()
    {
        await ListenerKit.SendAsync(Client, HttpMethod.Get, "/webhook.php?uid=n2.1596270949.2175190");

        Assert.That(Listener.Calls, Is.Empty);
    }

    [TestCase("PUT")]
    [TestCase("DELETE")]
    [TestCase("PATCH")]
    public async Task Methods_other_than_get_and_post_are_rejected_with_405(string method)
    {
        var reply = await ListenerKit.SendAsync(Client, new HttpMethod(method), "/webhook", ListenerKit.Form(ListenerKit.SeedSample));

        PostBodyTests.AssertRejected(
            reply,
            HttpStatusCode.MethodNotAllowed,
            $"method {method} is not used by MyOperator webhooks; use GET or POST"
        );
        Assert.That(reply.Allow, Is.EqualTo(new[] { "GET", "POST" }));
    }
}
