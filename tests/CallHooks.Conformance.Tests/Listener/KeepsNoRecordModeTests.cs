using System.Net;
using CallHooks.Conformance.Listener;

namespace CallHooks.Conformance.Tests.Listener;

/// <summary>The did-nothing bug: every delivery gets a 200, yet no record of the call exists afterwards.</summary>
public sealed class KeepsNoRecordModeTests : ListenerTestBase
{
    internal override void Configure(ListenerOptions options) => options.Mode = ListenerMode.KeepsNoRecord;

    [Test]
    public async Task Deliveries_are_accepted_but_the_call_cannot_be_looked_up()
    {
        var replies = new List<Reply>();
        foreach (var state in new[] { "1", "5", "5", "2" })
            replies.Add(await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.State(state))));

        var record = await ListenerKit.SendAsync(Client, HttpMethod.Get, "/calls/" + ListenerKit.SeedUid);

        Assert.Multiple(() =>
        {
            Assert.That(replies.Select(r => r.Status), Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(record.Status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(Listener.Calls, Is.Empty);
        });
    }

    [Test]
    public async Task Unreadable_body_still_gets_a_4xx()
    {
        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Raw("", "application/json"));

        PostBodyTests.AssertRejected(reply, HttpStatusCode.BadRequest, "POST body is empty");
    }
}
