using System.Net;

namespace CallHooks.Conformance.Tests.Listener.Acefone;

/// <summary>The listener's /acefone endpoint: what it accepts, what it refuses and why, and what it remembers per call.</summary>
public sealed class AcefoneEndpointTests : ListenerTestBase
{
    private const string Path = "/acefone/webhook";

    [Test]
    public async Task A_captured_shape_json_payload_is_accepted_with_unknown_keys_and_unreplaced_variables()
    {
        var reply = await Post(AcefoneSamples.Hangup);
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Body);
        Assert.That(reply.Json.GetProperty("call_id").GetString(), Is.EqualTo("1775967644.594011"));
        Assert.That(LogLines, Has.Some.EqualTo("POST /acefone/webhook 200 accepted call_id=1775967644.594011 uuid=69db1da04ac43"));
    }

    [Test]
    public async Task The_same_payload_as_a_form_body_and_as_a_get_query_is_accepted()
    {
        var form = await ListenerKit.PostAsync(Client, ListenerKit.Raw(AcefoneSamples.Form(), "application/x-www-form-urlencoded"), Path);
        Assert.That(form.Status, Is.EqualTo(HttpStatusCode.OK), form.Body);
        var get = await ListenerKit.SendAsync(Client, HttpMethod.Get, Path + "?" + AcefoneSamples.Form());
        Assert.That(get.Status, Is.EqualTo(HttpStatusCode.OK), get.Body);
        Assert.That(get.Json.TryGetProperty("duplicate", out _), Is.True, "the same variables again are a retry");
    }

    [Test]
    public async Task A_template_without_call_id_is_checked_and_accepted()
    {
        var reply = await Post("{\"caller\":\"+919240202904\",\"when\":\"2026-04-12 09:50:48\"}");
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Body);
    }

    [TestCase("uuid", "69db1da0-4ac43", "uuid must be 13 lowercase hex digits (a uniqid such as 69d75426f0a9f), got \"69db1da0-4ac43\"")]
    [TestCase(
        "call_id",
        "n2.1775967644.5",
        "call_id must be <epoch>.<sequence>, optionally after the node and a dash, e.g. 1775719461.306731 or h11.08-1775719461.306731, got \"n2.1775967644.5\""
    )]
    [TestCase(
        "direction",
        "Inbound",
        "direction must be one of \"inbound\", \"outbound\", \"clicktocall\", \"click_to_call\", \"dialer (inbound)\", \"dialer (outbound)\", got \"Inbound\""
    )]
    [TestCase(
        "call_status",
        "Answered",
        "call_status must be one of \"\", \"answered\", \"missed\", \"contacted\", \"queued\", \"Answered by agent\", \"Answered by customer\", got \"Answered\""
    )]
    [TestCase("start_stamp", "2026-04-12T09:50:48Z", "start_stamp must be yyyy-MM-dd HH:mm:ss, got \"2026-04-12T09:50:48Z\"")]
    [TestCase(
        "caller_id_number",
        "92402-02904",
        "caller_id_number must be a phone number: 8 to 15 digits, optionally after a +, got \"92402-02904\""
    )]
    [TestCase("duration", "20", "duration is 20 s but end_stamp - start_stamp is 11 s")]
    [TestCase("billsec", "3", "billsec is 3 s but end_stamp - answer_stamp is 11 s")]
    [TestCase("end_stamp", "2026-04-12 09:50:40", "end_stamp 2026-04-12 09:50:40 is before answer_stamp 2026-04-12 09:50:48")]
    [TestCase(
        "start_stamp",
        "2026-04-12 12:50:48",
        "start_stamp 2026-04-12 12:50:48 is not the call_id epoch 1775967644 in IST or UTC (read as IST it is 10804 s away, as UTC it is 30604 s away); Acefone writes stamps in the webhook's time zone"
    )]
    [TestCase(
        "call_to_number",
        "919999999999",
        "\"customer_no_with_prefix \" 918287842425 is not call_to_number 919999999999: on clicktocall calls call_to_number is the customer (call_to_number the customer, caller_id_number the DID)"
    )]
    public async Task A_value_no_provider_would_send_is_refused_with_the_reason(string key, string value, string expected)
    {
        var reply = await Post(AcefoneSamples.Changed(body => body[key] = value));
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest), reply.Body);
        Assert.That(reply.Error, Does.Contain(expected));
    }

    [Test]
    public async Task A_number_where_acefone_sends_a_string_and_a_twice_encoded_object_are_refused()
    {
        var reply = await Post(
            AcefoneSamples.Changed(body =>
            {
                body["billsec"] = 11;
                body["billing_circle"] = 5;
            })
        );
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(
            reply.Error,
            Is.EqualTo(
                "billsec must be a string (Acefone sends every scalar as one), got number 11; billing_circle must be an object with operator and circle or \"\", got number 5"
            )
        );

        var form = await ListenerKit.PostAsync(
            Client,
            ListenerKit.Raw(AcefoneSamples.Form(body => body["call_flow"] = "[{oops"), "application/x-www-form-urlencoded"),
            Path
        );
        Assert.That(form.Error, Is.EqualTo("call_flow must be a list of steps written as JSON text, or \"\", got \"[{oops\""));
    }

    [Test]
    public async Task A_get_with_a_body_or_without_a_query_and_other_methods_are_refused()
    {
        var withBody = await ListenerKit.SendAsync(
            Client,
            HttpMethod.Get,
            Path + "?call_id=1.2",
            ListenerKit.Raw("x=1", "application/x-www-form-urlencoded")
        );
        Assert.That(withBody.Error, Is.EqualTo("a GET webhook must not carry a body (Acefone sends the template as the query string)"));
        var bare = await ListenerKit.SendAsync(Client, HttpMethod.Get, Path);
        Assert.That(bare.Error, Does.StartWith("the GET carries no query string"));
        var put = await ListenerKit.SendAsync(Client, HttpMethod.Put, Path, ListenerKit.Raw("{}", "application/json"));
        Assert.That(put.Status, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(put.Allow, Is.EqualTo(new[] { "GET", "POST" }));
        var xml = await ListenerKit.PostAsync(Client, ListenerKit.Raw("<x/>", "text/xml"), Path);
        Assert.That(xml.Status, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
    }

    [Test]
    public async Task A_new_leg_of_the_same_call_is_accepted_and_counted()
    {
        await Post(AcefoneSamples.Hangup);
        var leg = await Post(AcefoneSamples.Changed(body => body["uuid"] = "69db1da3aaaaa"));
        Assert.That(leg.Status, Is.EqualTo(HttpStatusCode.OK), leg.Body);
        Assert.That(leg.Json.GetProperty("legs").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task A_call_id_that_changes_within_a_call_and_a_uuid_that_moves_to_another_call_are_conflicts()
    {
        await Post(AcefoneSamples.Hangup);
        var changed = await Post(
            AcefoneSamples.Changed(body =>
            {
                body["call_id"] = "1775967644.594012";
                body["uuid"] = "69db1da3bbbbb";
            })
        );
        Assert.That(changed.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(
            changed.Error,
            Does.StartWith("call_id changed within one call: earlier deliveries with start_stamp 2026-04-12 09:50:48")
        );

        var moved = await Post(
            AcefoneSamples.Changed(body =>
            {
                body["call_id"] = "1775967650.1";
                body["start_stamp"] = "2026-04-12 09:50:50";
                body["answer_stamp"] = "2026-04-12 09:50:50";
                body["billsec"] = "9";
                body["duration"] = "9";
            })
        );
        Assert.That(moved.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(
            moved.Error,
            Is.EqualTo("uuid 69db1da04ac43 already belongs to call_id 1775967644.594011; a leg never moves to another call")
        );
    }

    [Test]
    public async Task The_direction_of_a_call_never_changes()
    {
        await Post(AcefoneSamples.Hangup);
        var reply = await Post(
            AcefoneSamples.Changed(body =>
            {
                body["direction"] = "dialer (outbound)";
                body["uuid"] = "69db1da3ccccc";
            })
        );
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(
            reply.Error,
            Is.EqualTo("direction changed from \"clicktocall\" to \"dialer (outbound)\" within call_id 1775967644.594011")
        );
    }

    private Task<Reply> Post(string json) => ListenerKit.PostAsync(Client, ListenerKit.Raw(json, "application/json"), Path);
}
