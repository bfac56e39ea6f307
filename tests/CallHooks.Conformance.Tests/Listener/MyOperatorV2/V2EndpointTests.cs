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
        Assert.That(reply.Body, Is.EqualTo("{\"ok\":true,\"session_id\":\"n2.1596270949.2175190\",\"event_type\":\"call.end\",\"event_sequence\":4}"));
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
        var reply = await Post(V2EventKit.End(e =>
        {
            e.Remove("company_id");
            e["event_sequence"] = "4";
            e["timestamp"] = "2020-08-01 08:37:10";
            e["channel"] = "sms";
            e["direction"] = "inbound";
            e["customer_identifier"] = "9711636496";
            e["event_type"] = "call.hangup";
        }));
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.Json.GetProperty("errors").EnumerateArray().Select(error => error.GetString()), Is.EqualTo(new[]
        {
            "company_id is missing",
            "event_type must be one of \"call.initiated\", \"call.ivr_started\", \"call.dial_begin\", \"call.answered\", \"call.end\", \"call.summary\", \"disposition\", got \"call.hangup\"",
            "event_sequence must be an integer, got string \"4\"",
            "timestamp must be an ISO-8601 instant with a zone, e.g. 2026-01-15T09:30:00.000Z, got \"2020-08-01 08:37:10\"",
            "channel must be \"call\" for call events, got \"sms\"",
            "direction must be one of \"incoming\", \"outgoing\", got \"inbound\"",
            "customer_identifier must be E.164: '+', the country code, then the number, e.g. +919876543210, got \"9711636496\"",
        }));
    }

    [Test]
    public async Task Payload_status_dial_status_and_durations_are_checked()
    {
        var reply = await Post(V2EventKit.End(e =>
        {
            var payload = V2EventKit.Payload(e);
            payload["status"] = "connected";
            payload["duration"] = 81;
            payload["legs"]![0]!["dial_status"] = "NOANSWER";
            payload["legs"]!.AsArray().Add(new JsonObject { ["dial_status"] = "NO CARRIER", ["ended_at"] = "yesterday" });
        }));
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.Json.GetProperty("errors").EnumerateArray().Select(error => error.GetString()), Is.EqualTo(new[]
        {
            "payload.legs[1].ended_at must be an ISO-8601 instant with a zone, e.g. 2026-01-15T09:30:00.000Z, got \"yesterday\"",
            "payload.status must be one of \"bridged\", \"missed\", \"voicemail\", got \"connected\"",
            "payload.legs[0].dial_status must be one of \"ANSWER\", \"NO ANSWER\", \"BUSY\", \"NO CARRIER\", \"CANCEL\", got \"NOANSWER\"",
            "payload.duration 81 does not match ended_at - started_at (80 s)",
        }));
    }

    [Test]
    public async Task A_call_end_sent_before_the_call_ended_is_refused()
    {
        var reply = await Post(V2EventKit.End(e => e["timestamp"] = "2020-08-01T08:36:10.000Z"));
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.Error, Is.EqualTo("timestamp 2020-08-01T08:36:10.000+00:00 (send time) is before payload.ended_at 2020-08-01T08:37:09.000Z"));
    }

    [Test]
    public async Task System_identifier_may_be_null_on_call_summary_only()
    {
        var summary = await Post(V2EventKit.End(e => { e["event_type"] = "call.summary"; e["system_identifier"] = null; }));
        var end = await Post(V2EventKit.End(e => { e["event_id"] = "evt-other"; e["session_id"] = "other"; e["system_identifier"] = null; }));
        Assert.That(summary.Status, Is.EqualTo(HttpStatusCode.OK), summary.Body);
        Assert.That(end.Error, Is.EqualTo("system_identifier must be a string, got null"));
    }

    [Test]
    public async Task One_event_sequence_names_one_event_but_late_events_are_accepted()
    {
        Assert.That((await Post(V2EventKit.Event("e2", "call.dial_begin", 2))).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Post(V2EventKit.Event("e1", "call.initiated", 1))).Status, Is.EqualTo(HttpStatusCode.OK), "an earlier event arriving late");
        var reused = await Post(V2EventKit.Event("e3", "call.answered", 2));
        Assert.That(reused.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(reused.Error, Is.EqualTo("event_sequence 2 of call.answered was already used by another event of session_id n2.1596270949.2175190"));
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
        var summary = await Post(V2EventKit.End(e => { e["event_id"] = "s"; e["event_type"] = "call.summary"; e["event_sequence"] = 5; }));
        Assert.That(summary.Status, Is.EqualTo(HttpStatusCode.OK), summary.Body);
        Assert.That((await Post(V2EventKit.Event("d", "disposition", null))).Status, Is.EqualTo(HttpStatusCode.OK));
        var late = await Post(V2EventKit.Event("late", "call.answered", 4));
        Assert.That(late.Status, Is.EqualTo(HttpStatusCode.OK), "a retry of call.answered may arrive after the summary");
        var second = await Post(V2EventKit.End(e => { e["event_id"] = "s2"; e["event_type"] = "call.summary"; e["event_sequence"] = 7; }));
        Assert.That(second.Error, Is.EqualTo("session_id n2.1596270949.2175190 already had a call.summary with another event_id"));
    }

    [Test]
    public async Task A_session_may_not_change_its_customer()
    {
        await Post(V2EventKit.Event("e1", "call.initiated", 1));
        var reply = await Post(V2EventKit.End(e => e["customer_identifier"] = "+919999999999"));
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(reply.Error, Is.EqualTo("session_id n2.1596270949.2175190 changed customer_identifier from +919711636496 to +919999999999"));
    }
}
