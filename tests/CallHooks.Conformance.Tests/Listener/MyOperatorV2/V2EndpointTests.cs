using System.Net;
using System.Text.Json.Nodes;

namespace CallHooks.Conformance.Tests.Listener.MyOperatorV2;

/// <summary>The reference listener's myoperator-v2 reader: what it accepts, and the specific reason for what it refuses.</summary>
public sealed class V2EndpointTests : ListenerTestBase
{
    private Task<Reply> Post(string body, string contentType = "application/json") =>
        ListenerKit.PostAsync(Client, ListenerKit.Raw(body, contentType), V2EventKit.Path);

    [Test]
    public async Task A_documented_call_end_is_accepted_with_its_session_and_sequence()
    {
        var reply = await Post(V2EventKit.End());
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Body);
        Assert.That(
            reply.Body,
            Is.EqualTo("{\"ok\":true,\"session_id\":\"n2.1596270949.2175190\",\"event_type\":\"call.end\",\"event_sequence\":4}")
        );
        Assert.That(LogLines, Does.Contain("POST /myoperator-v2/hook 200 accepted session_id=n2.1596270949.2175190 call.end"));
    }

    [Test]
    public async Task Get_is_refused_with_405_because_v2_only_posts()
    {
        var reply = await ListenerKit.SendAsync(Client, HttpMethod.Get, V2EventKit.Path);
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(reply.Allow, Is.EqualTo(new[] { "POST" }));
    }

    [TestCase("application/x-www-form-urlencoded")]
    [TestCase("text/plain")]
    public async Task A_body_that_is_not_json_is_refused_with_415(string contentType)
    {
        var reply = await Post(V2EventKit.End(), contentType);
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(reply.Error, Is.EqualTo("Content-Type must be application/json: MyOperator webhooks v2 send JSON only"));
    }

    [Test]
    public async Task Every_envelope_problem_is_named_at_once()
    {
        var reply = await Post(
            V2EventKit.End(e =>
            {
                e.Remove("company_id");
                e["event_sequence"] = "4";
                e["timestamp"] = "2020-08-01 08:37:10";
                e["channel"] = "sms";
                e["direction"] = "inbound";
                e["customer_identifier"] = "9711636496";
                e["event_type"] = "call.hangup";
            })
        );
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(
            reply.Json.GetProperty("errors").EnumerateArray().Select(error => error.GetString()),
            Is.EqualTo(
                new[]
                {
                    "company_id is missing",
                    "event_type must be one of \"call.initiated\", \"call.ivr_started\", \"call.dial_begin\", \"call.answered\", \"call.end\", \"call.summary\", \"call.disposition\", \"disposition\", got \"call.hangup\"",
                    "event_sequence must be an integer, got string \"4\"",
                    "timestamp must be an ISO-8601 instant with a zone, e.g. 2026-01-15T09:30:00.000Z, got \"2020-08-01 08:37:10\"",
                    "channel must be \"call\" for call events, got \"sms\"",
                    "direction must be one of \"incoming\", \"outgoing\", got \"inbound\"",
                    "customer_identifier must be E.164: '+', the country code, then the number, e.g. +919876543210, got \"9711636496\"",
                }
            )
        );
    }

    [Test]
    public async Task Payload_status_category_durations_and_each_leg_are_checked()
    {
        var reply = await Post(
            V2EventKit.End(e =>
            {
                var payload = V2EventKit.Payload(e);
                payload["status"] = "connected";
                payload["category"] = "inbound";
                payload["duration"] = 81;
                payload["recording_filename"] = "https://app.myoperator.co/audio/7b8aff";
                payload["legs"]![2]!["dial_status"] = "ANSWERED";
                payload["legs"]![2]!["leg_index"] = 4;
                payload["legs"]![1]!["dial_status"] = "ANSWER";
                payload["legs"]![1]!["result"] = "answered";
                payload["legs"]!
                    .AsArray()
                    .Add(
                        new JsonObject
                        {
                            ["leg_index"] = 4,
                            ["type"] = "agent",
                            ["result"] = "not_answered",
                            ["dial_status"] = "NO CARRIER",
                            ["phone_number"] = "+918586848546",
                            ["talk_duration"] = 3,
                            ["ring_duration"] = null,
                            ["started_at"] = "2020-08-01T08:35:49+00:00",
                            ["ended_at"] = "yesterday",
                            ["answered_at"] = null,
                        }
                    );
            })
        );
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(
            reply.Json.GetProperty("errors").EnumerateArray().Select(error => error.GetString()),
            Is.EqualTo(
                new[]
                {
                    "payload.legs[3].ended_at must be an ISO-8601 instant with a zone, e.g. 2026-01-15T09:30:00.000Z, got \"yesterday\"",
                    "payload.status must be one of \"bridged\", \"missed\", \"voicemail\", got \"connected\"",
                    "payload.category must be one of \"incoming\", \"obd\", \"oneway\", \"callback\", \"webcall\", \"otp\", got \"inbound\"",
                    "payload.recording_filename must be a file name, not a URL, got \"https://app.myoperator.co/audio/7b8aff\"",
                    "payload.duration 81 does not match ended_at - started_at (80 s)",
                    "payload.legs[1] has result \"answered\" but no answered_at, no talk_duration: an answered leg has dial_status ANSWER, an answered_at and a talk_duration",
                    "payload.legs[2].leg_index is 4; legs are numbered from 1 in order, so it must be 3",
                    "payload.legs[2].dial_status must be one of \"ANSWER\", \"NOANSWER\", \"NO ANSWER\", \"BUSY\", \"NO CARRIER\", \"CANCEL\", \"\", got \"ANSWERED\"",
                    "payload.legs[3] has result \"not_answered\" but an answer time or talk time",
                }
            )
        );
    }

    [TestCase("NOANSWER")]
    [TestCase("NO ANSWER")]
    public async Task An_unanswered_leg_may_spell_its_dial_status_either_way(string spelling)
    {
        var reply = await Post(V2EventKit.End(e => V2EventKit.Payload(e)["legs"]![1]!["dial_status"] = spelling));
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Body);
    }

    [Test]
    public async Task A_bridged_call_needs_an_answered_agent_and_its_payload_must_be_the_envelopes_call()
    {
        var reply = await Post(
            V2EventKit.End(e =>
            {
                var payload = V2EventKit.Payload(e);
                payload["id"] = "n2.1596270949.9999999";
                payload["customer_number"] = "+919800000000";
                payload["legs"]!.AsArray().RemoveAt(2);
            })
        );
        Assert.That(
            reply.Json.GetProperty("errors").EnumerateArray().Select(error => error.GetString()),
            Is.EqualTo(
                new[]
                {
                    "payload.id \"n2.1596270949.9999999\" is not the envelope's session_id \"n2.1596270949.2175190\"",
                    "payload.customer_number +919800000000 is not the envelope's customer_identifier +919711636496",
                    "payload.legs[0] is the customer's leg but phone_number +919711636496 is not payload.customer_number +919800000000",
                    "payload.status is \"bridged\" but no agent leg has result \"answered\"",
                }
            )
        );
    }

    [Test]
    public async Task A_call_end_sent_before_the_call_ended_is_refused()
    {
        var reply = await Post(V2EventKit.End(e => e["timestamp"] = "2020-08-01T08:36:10.000Z"));
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(
            reply.Error,
            Is.EqualTo("timestamp 2020-08-01T08:36:10.000+00:00 (send time) is before payload.ended_at 2020-08-01T08:37:09+00:00")
        );
    }

    [Test]
    public async Task System_identifier_may_be_null_on_call_summary_only()
    {
        var summary = await Post(
            V2EventKit.End(e =>
            {
                e["event_type"] = "call.summary";
                e["system_identifier"] = null;
            })
        );
        var end = await Post(
            V2EventKit.End(e =>
            {
                e["event_id"] = "evt-other";
                e["session_id"] = "other";
                V2EventKit.Payload(e)["id"] = "other";
                e["system_identifier"] = null;
            })
        );
        Assert.That(summary.Status, Is.EqualTo(HttpStatusCode.OK), summary.Body);
        Assert.That(end.Error, Is.EqualTo("system_identifier must be a string, got null"));
    }

    [Test]
    public async Task One_event_sequence_names_one_event_but_late_events_are_accepted()
    {
        Assert.That((await Post(V2EventKit.Event("e2", "call.dial_begin", 2))).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(
            (await Post(V2EventKit.Event("e1", "call.initiated", 1))).Status,
            Is.EqualTo(HttpStatusCode.OK),
            "an earlier event arriving late"
        );
        var reused = await Post(V2EventKit.Event("e3", "call.answered", 2));
        Assert.That(reused.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(
            reused.Error,
            Is.EqualTo("event_sequence 2 of call.answered was already used by another event of session_id n2.1596270949.2175190")
        );
        var missing = await Post(V2EventKit.Event("e4", "call.answered", null));
        Assert.That(missing.Error, Is.EqualTo("event_sequence is missing"));
    }

    [Test]
    public async Task A_retry_with_the_same_event_id_is_a_duplicate_even_with_a_new_send_time()
    {
        Assert.That((await Post(V2EventKit.Event("e1", "call.initiated", 1))).Status, Is.EqualTo(HttpStatusCode.OK));
        var retry = await Post(V2EventKit.Event("e1", "call.initiated", 1, timestamp: "2020-08-01T08:36:20.000Z"));
        Assert.That(retry.Status, Is.EqualTo(HttpStatusCode.OK), retry.Body);
        Assert.That(retry.Json.GetProperty("duplicate").GetBoolean(), Is.True);

        var changed = await Post(V2EventKit.Event("e1", "call.dial_begin", 2));
        Assert.That(changed.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(changed.Error, Is.EqualTo("event_id e1 was delivered before with different content; a retry must repeat the event"));
    }

    [Test]
    public async Task Disposition_needs_no_sequence_and_late_call_events_may_follow_the_summary()
    {
        var summary = await Post(
            V2EventKit.End(e =>
            {
                e["event_id"] = "s";
                e["event_type"] = "call.summary";
                e["event_sequence"] = 5;
            })
        );
        Assert.That(summary.Status, Is.EqualTo(HttpStatusCode.OK), summary.Body);
        Assert.That((await Post(V2EventKit.Event("d", "disposition", null))).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(
            (await Post(V2EventKit.Event("d2", "call.disposition", null))).Status,
            Is.EqualTo(HttpStatusCode.OK),
            "the payload page's name for it"
        );
        var late = await Post(V2EventKit.Event("late", "call.answered", 4));
        Assert.That(late.Status, Is.EqualTo(HttpStatusCode.OK), "a retry of call.answered may arrive after the summary");
        var second = await Post(
            V2EventKit.End(e =>
            {
                e["event_id"] = "s2";
                e["event_type"] = "call.summary";
                e["event_sequence"] = 7;
            })
        );
        Assert.That(second.Error, Is.EqualTo("session_id n2.1596270949.2175190 already had a call.summary with another event_id"));
    }

    [Test]
    public async Task A_session_may_not_change_its_customer()
    {
        await Post(V2EventKit.Event("e1", "call.initiated", 1));
        var reply = await Post(
            V2EventKit.End(e =>
            {
                e["customer_identifier"] = "+919999999999";
                V2EventKit.Payload(e)["customer_number"] = "+919999999999";
                V2EventKit.Payload(e)["legs"]![0]!["phone_number"] = "+919999999999";
            })
        );
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(
            reply.Error,
            Is.EqualTo("session_id n2.1596270949.2175190 changed customer_identifier from +919711636496 to +919999999999")
        );
    }

    [Test]
    public async Task A_summary_may_carry_event_sequence_1_after_the_live_events_as_the_vendors_sample_does()
    {
        Assert.That((await Post(V2EventKit.Event("e1", "call.initiated", 1))).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Post(V2EventKit.End())).Status, Is.EqualTo(HttpStatusCode.OK));
        var summary = await Post(
            V2EventKit.End(e =>
            {
                e["event_id"] = "s";
                e["event_type"] = "call.summary";
                e["event_sequence"] = 1;
                e["system_identifier"] = null;
            })
        );
        Assert.That(summary.Status, Is.EqualTo(HttpStatusCode.OK), summary.Body);
    }
}
