using System.Net;
using System.Text.Json.Nodes;

namespace CallHooks.Conformance.Tests.Listener;

/// <summary>What must hold across the deliveries of one call: stable identity, retries counted, nothing after finish.</summary>
public sealed class CallSequenceTests : ListenerTestBase
{
    [Test]
    public async Task Answered_incoming_call_is_accepted_state_by_state()
    {
        foreach (var state in new[] { "1", "5", "6", "2" })
        {
            var reply = await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.State(state)));
            Assert.That(reply.Body, Is.EqualTo($$"""{"ok":true,"uid":"n2.1596270949.2175190","call_state":"{{state}}"}"""));
        }

        Assert.That(Listener.Calls.Single().States, Is.EqualTo(new[] { "1", "5", "6", "2" }));
    }

    [Test]
    public async Task Exact_redelivery_is_accepted_and_counted_as_a_duplicate()
    {
        await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.State("1")));

        var retry = await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.State("1")));

        var call = Listener.Calls.Single();
        Assert.Multiple(() =>
        {
            Assert.That(retry.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(retry.Body, Is.EqualTo("""{"ok":true,"uid":"n2.1596270949.2175190","call_state":"1","duplicate":true}"""));
            Assert.That(call.States, Is.EqualTo(new[] { "1" }));
            Assert.That(call.Deliveries, Is.EqualTo(2));
            Assert.That(call.Duplicates, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Redelivery_in_the_other_encoding_is_still_a_duplicate()
    {
        await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.SeedSample));

        var retry = await ListenerKit.PostAsync(Client, ListenerKit.Json(ListenerKit.SeedSample));

        Assert.That(retry.Json.GetProperty("duplicate").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Redelivery_of_an_earlier_state_after_finish_is_a_duplicate()
    {
        foreach (var state in new[] { "1", "5", "2" })
            await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.State(state, state == "2" ? "2" : null)));

        var late = await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.State("5")));
        var finishAgain = await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.State("2", "2")));

        Assert.Multiple(() =>
        {
            Assert.That(late.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(finishAgain.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Listener.Calls.Single().Duplicates, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task New_state_after_finish_is_accepted_late_and_the_call_stays_finished()
    {
        await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.State("1")));
        await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.State("2", "2")));

        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.State("6")));

        var call = Listener.Calls.Single();
        Assert.Multiple(() =>
        {
            Assert.That(reply.Body, Is.EqualTo("""{"ok":true,"uid":"n2.1596270949.2175190","call_state":"6","late":true}"""));
            Assert.That(call.States, Is.EqualTo(new[] { "1", "2", "6" }));
            Assert.That(call.CallState, Is.EqualTo("2"));
            Assert.That(call.Status, Is.EqualTo("2"));
        });
    }

    [Test]
    public async Task Second_different_finish_is_rejected_with_409()
    {
        await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.State("2", "2")));

        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.State("2", "1")));

        PostBodyTests.AssertRejected(
            reply,
            HttpStatusCode.Conflict,
            "uid n2.1596270949.2175190 already finished with status \"2\"; a second finish with status \"1\" contradicts it"
        );
    }

    [TestCase("id", "0123456789abcdef", "uid n2.1596270949.2175190 changed id from 5f25296c4122c135 to 0123456789abcdef")]
    [TestCase(
        "created",
        "2020-08-01 08:35:57",
        "uid n2.1596270949.2175190 changed created from 2020-08-01 08:35:56 to 2020-08-01 08:35:57"
    )]
    [TestCase("event", "1", "uid n2.1596270949.2175190 changed event from 2 to 1")]
    public async Task Field_fixed_for_the_call_that_changes_is_rejected_with_409(string field, string value, string error)
    {
        await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.State("1")));

        var reply = await ListenerKit.PostAsync(
            Client,
            ListenerKit.Form(
                ListenerKit.Sample(l =>
                {
                    l["call_state"] = "5";
                    l[field] = value;
                })
            )
        );

        PostBodyTests.AssertRejected(reply, HttpStatusCode.Conflict, error);
    }

    [Test]
    public async Task Caller_that_changes_is_rejected_with_409()
    {
        await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.State("1")));

        var reply = await ListenerKit.PostAsync(
            Client,
            ListenerKit.Form(
                ListenerKit.Sample(l =>
                {
                    l["call_state"] = "5";
                    l["clid_raw"] = "919711636497";
                    l["clid"] = "9711636497";
                })
            )
        );

        PostBodyTests.AssertRejected(
            reply,
            HttpStatusCode.Conflict,
            "uid n2.1596270949.2175190 changed clid_raw from 919711636496 to 919711636497"
        );
    }

    [Test]
    public async Task Log_id_that_moves_to_another_uid_is_rejected_with_409()
    {
        await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.State("1")));

        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.Sample(l => l["uid"] = "n2.1596270949.2175191")));

        PostBodyTests.AssertRejected(
            reply,
            HttpStatusCode.Conflict,
            "id 5f25296c4122c135 changed uid from n2.1596270949.2175190 to n2.1596270949.2175191"
        );
        Assert.That(Listener.Calls, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Two_calls_are_kept_apart()
    {
        await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.State("1")));
        await ListenerKit.PostAsync(
            Client,
            ListenerKit.Form(
                ListenerKit.Sample(l =>
                {
                    l["uid"] = "s5.1596270949.9";
                    l["id"] = "00000000000000aa";
                })
            )
        );

        Assert.That(Listener.Calls.Select(c => c.Uid), Is.EquivalentTo(new[] { "n2.1596270949.2175190", "s5.1596270949.9" }));
    }

    [Test]
    public async Task Concurrent_retries_of_one_delivery_count_one_state_and_the_rest_as_duplicates()
    {
        var log = ListenerKit.State("1");

        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => ListenerKit.PostAsync(Client, ListenerKit.Form(log))));

        var call = Listener.Calls.Single();
        Assert.Multiple(() =>
        {
            Assert.That(replies.Select(r => r.Status), Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(call.States, Is.EqualTo(new[] { "1" }));
            Assert.That(call.Deliveries, Is.EqualTo(20));
            Assert.That(call.Duplicates, Is.EqualTo(19));
        });
    }

    [Test]
    public async Task Concurrent_distinct_calls_are_all_recorded()
    {
        var logs = Enumerable
            .Range(0, 25)
            .Select(i =>
                ListenerKit.Sample(l =>
                {
                    l["uid"] = $"n2.1596270949.{i}";
                    l["id"] = $"{i:x16}";
                })
            );

        var replies = await Task.WhenAll(logs.Select(log => ListenerKit.PostAsync(Client, ListenerKit.Json(log))));

        Assert.That(replies.Select(r => r.Status), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(Listener.Calls, Has.Count.EqualTo(25));
    }

    [Test]
    public async Task Call_lookup_returns_the_record_of_the_call()
    {
        await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.State("1")));
        Clock.Now = ClockStart.AddSeconds(3);
        await ListenerKit.PostAsync(Client, ListenerKit.Json(ListenerKit.State("5")));
        await ListenerKit.PostAsync(Client, ListenerKit.Json(ListenerKit.State("5")));
        Clock.Now = ClockStart.AddSeconds(9);
        await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.State("2", "2")));

        var reply = await ListenerKit.SendAsync(Client, HttpMethod.Get, "/calls/n2.1596270949.2175190");

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(reply.MediaType, Is.EqualTo("application/json"));
        Assert.That(
            JsonNode.Parse(reply.Body)!.ToJsonString(),
            Is.EqualTo(
                JsonNode
                    .Parse(
                        """
                        {
                          "uid": "n2.1596270949.2175190",
                          "id": "5f25296c4122c135",
                          "clid": "9711636496",
                          "clid_raw": "919711636496",
                          "caller": "+919711636496",
                          "event": "2",
                          "call_state": "2",
                          "status": "2",
                          "states": ["1", "5", "2"],
                          "deliveries": 4,
                          "duplicates": 1,
                          "first_received_utc": "2020-08-01T08:36:00+00:00",
                          "last_received_utc": "2020-08-01T08:36:09+00:00"
                        }
                        """
                    )!
                    .ToJsonString()
            )
        );
    }

    [Test]
    public async Task Call_lookup_of_an_unknown_uid_is_404_with_a_json_error()
    {
        var reply = await ListenerKit.SendAsync(Client, HttpMethod.Get, "/calls/n9.1.1");

        PostBodyTests.AssertRejected(reply, HttpStatusCode.NotFound, "no call with uid n9.1.1");
    }

    [Test]
    public async Task Calls_snapshot_does_not_change_after_it_is_taken()
    {
        await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.State("1")));
        var before = Listener.Calls.Single();

        await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.State("5")));

        Assert.That(before.States, Is.EqualTo(new[] { "1" }));
        Assert.That(Listener.Calls.Single().States, Is.EqualTo(new[] { "1", "5" }));
    }
}
