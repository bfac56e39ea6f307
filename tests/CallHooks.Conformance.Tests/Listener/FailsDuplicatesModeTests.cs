using System.Net;
using CallHooks.Conformance.Listener;

namespace CallHooks.Conformance.Tests.Listener;

/// <summary>The unique-key bug: a provider's retry of a delivery already stored gets a 500; new states are fine.</summary>
public sealed class FailsDuplicatesModeTests : ListenerTestBase
{
    internal override void Configure(ListenerOptions options) => options.Mode = ListenerMode.FailsDuplicates;

    [Test]
    public async Task Exact_redelivery_gets_500()
    {
        var first = await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.State("1")));

        var retry = await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.State("1")));

        Assert.That(first.Status, Is.EqualTo(HttpStatusCode.OK));
        PostBodyTests.AssertRejected(
            retry,
            HttpStatusCode.InternalServerError,
            "internal listener error: duplicate key n2.1596270949.2175190/1"
        );
    }

    [Test]
    public async Task Every_new_state_of_the_call_is_still_accepted()
    {
        var replies = new List<Reply>();
        foreach (var state in new[] { "1", "5", "6", "2" })
            replies.Add(await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.State(state))));

        Assert.That(replies.Select(r => r.Status), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(Listener.Calls.Single().States, Is.EqualTo(new[] { "1", "5", "6", "2" }));
    }
}
