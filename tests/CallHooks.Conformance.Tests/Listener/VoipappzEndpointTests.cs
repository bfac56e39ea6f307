using System.Net;
using System.Text.Json.Nodes;

namespace CallHooks.Conformance.Tests.Listener;

/// <summary>The reference listener's voipappz reader, fed hand-written bodies built from the seed's sample.</summary>
public sealed class VoipappzEndpointTests : ListenerTestBase
{
    private const string Path = "/voipappz";

    /// <summary>
    /// The seed's sample with its oddities fixed so it is valid and self-consistent: destination quoted, billing in
    /// seconds, duration 91 = ring 30 + talk 61, answer_at 30 s after start_at (local +02:00, as created_at shows).
    /// </summary>
    private const string Valid = """
        {"direction":"outgoing","uuid":"bfd7e62a-5a55-4286-9453-b4b4cfc5cca8","type":"did_to_que","created_at":"2024-12-02T21:04:40.701+00:00",
        "contact_number":null,"caller_id_number":null,"duration":91,"ring_duration":30,"destination":"039000000","start_at":"23:04:40",
        "answer_at":"23:05:10","environment_name":"ITD2024","user_fullname":null,"user_name":"","extension_username":null,"cause":"answer",
        "sip_status":"200","recording_url":"https://cloud.voipappz.io/recordings/bfd7e62a-5a55-4286-9453-b4b4cfc5cca8","duration_time":"00:01:31",
        "billing_duration":61,"billing_duration_time":"00:01:01","did_number":"972722791142","did_name":"972722791142","queue_disposition":"timeout",
        "ivr_name":null,"call_state":null,"queue_name":"Que1"}
        """;

    [Test]
    public async Task A_consistent_body_is_accepted_with_its_uuid()
    {
        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Raw(Valid, "application/json"), Path);
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Body);
        Assert.That(reply.Body, Is.EqualTo("""{"ok":true,"uuid":"bfd7e62a-5a55-4286-9453-b4b4cfc5cca8"}"""));
    }

    [Test]
    public async Task The_seeds_unquoted_destination_with_a_leading_zero_is_refused_with_the_reason()
    {
        var reply = await ListenerKit.PostAsync(
            Client,
            ListenerKit.Raw(Valid.Replace("\"039000000\"", "039000000", StringComparison.Ordinal), "application/json"),
            Path
        );
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(
            reply.Error,
            Does.StartWith("JSON body is not valid JSON: ")
                .And.EndWith(
                    "(destination is an unquoted number with a leading zero, as in voipappz's sample; JSON allows no leading zeros)"
                )
        );
    }

    [Test]
    public async Task The_seeds_epoch_billing_duration_is_named_as_an_epoch()
    {
        var reply = await Post(body =>
        {
            body["billing_duration"] = 1733173541;
            body["billing_duration_time"] = "00:05:41";
        });
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.Error, Is.EqualTo("billing_duration 1733173541 is an epoch (2024-12-02T21:05:41Z), not seconds"));
    }

    [TestCase("duration_time", "00:06:57", "duration_time 00:06:57 is not duration 91 s (00:01:31)")]
    [TestCase("answer_at", "23:34:00", "answer_at 23:34:00 is not start_at 23:04:40 plus ring_duration 30 s")]
    [TestCase("start_at", "23:04:47", "start_at 23:04:47 is not created_at 2024-12-02T21:04:40.701+00:00 in any time zone")]
    [TestCase(
        "created_at",
        "2024-12-02 21:04:40",
        "created_at must be ISO-8601 with an offset, e.g. 2024-12-02T21:04:40.701+00:00, got \"2024-12-02 21:04:40\""
    )]
    [TestCase("cause", "answered", "cause must be answer, busy or no_answer, got \"answered\"")]
    [TestCase("direction", "Outgoing", "direction must be \"incoming\" or \"outgoing\", got \"Outgoing\"")]
    public async Task Inconsistent_or_malformed_fields_are_refused_with_what_is_wrong(string field, string value, string error)
    {
        var reply = await Post(body => body[field] = value);
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Errors(reply), Does.Contain(error));
    }

    [Test]
    public async Task A_recording_on_a_busy_call_and_a_duration_sent_as_text_are_both_reported()
    {
        var reply = await Post(body =>
        {
            body["cause"] = "busy";
            body["duration"] = "91";
        });
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(
            reply.Error,
            Is.EqualTo(
                "duration must be a whole number of seconds, got string \"91\"; recording_url is set on a call whose cause is busy; only answered calls are recorded"
            )
        );
    }

    [Test]
    public async Task A_later_event_that_changes_the_calls_start_is_a_conflict()
    {
        Assert.That((await Post(_ => { })).Status, Is.EqualTo(HttpStatusCode.OK));
        var reply = await Post(body =>
        {
            body["created_at"] = "2024-12-02T21:04:40.701+02:00";
            body["start_at"] = "23:04:40";
        });
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(
            reply.Error,
            Is.EqualTo(
                "uuid bfd7e62a-5a55-4286-9453-b4b4cfc5cca8 changed created_at from \"2024-12-02T21:04:40.701+00:00\" to \"2024-12-02T21:04:40.701+02:00\""
            )
        );
    }

    [Test]
    public async Task A_get_with_the_fields_as_query_parameters_is_read_like_the_body()
    {
        var body = JsonNode.Parse(Valid)!.AsObject();
        var query = string.Join(
            "&",
            body.Select(pair =>
                pair.Key
                + "="
                + Uri.EscapeDataString(
                    pair.Value is null ? ""
                    : pair.Value.GetValueKind() == System.Text.Json.JsonValueKind.String ? pair.Value.GetValue<string>()
                    : pair.Value.ToJsonString()
                )
            )
        );
        var good = await ListenerKit.SendAsync(Client, HttpMethod.Get, Path + "?" + query);
        var bad = await ListenerKit.SendAsync(
            Client,
            HttpMethod.Get,
            Path + "?" + query.Replace("duration=91", "duration=ninety", StringComparison.Ordinal)
        );
        Assert.That(good.Status, Is.EqualTo(HttpStatusCode.OK), good.Body + "\n" + query);
        Assert.That(bad.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(bad.Error, Is.EqualTo("duration must be a whole number of seconds, got string \"ninety\""));
    }

    [Test]
    public async Task A_form_body_is_refused_as_the_wrong_media_type()
    {
        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Raw("uuid=x", "application/x-www-form-urlencoded"), Path);
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(reply.Error, Is.EqualTo("Content-Type must be application/json, got 'application/x-www-form-urlencoded'"));
    }

    /// <summary>Each problem the listener named: the "errors" list when there are several, else the one "error".</summary>
    internal static IReadOnlyList<string?> Errors(Reply reply) =>
        reply.Json.TryGetProperty("errors", out var errors)
            ? errors.EnumerateArray().Select(error => error.GetString()).ToList()
            : [reply.Error];

    private Task<Reply> Post(Action<JsonObject> change)
    {
        var body = JsonNode.Parse(Valid)!.AsObject();
        change(body);
        return ListenerKit.PostAsync(Client, ListenerKit.Raw(body.ToJsonString(), "application/json"), Path);
    }
}
