using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Web;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Providers.Voipappz;
using CallHooks.Conformance.Wire;
using static CallHooks.Conformance.Tests.Providers.ProviderScenarioKit;

namespace CallHooks.Conformance.Tests.Providers;

/// <summary>voipappz bodies read back with JsonDocument and checked against the seed's field list and the call they describe.</summary>
public sealed class VoipappzProfileTests
{
    /// <summary>The seed's "supported field types", in its order.</summary>
    private static readonly string[] SeedFields =
    [
        "direction",
        "uuid",
        "type",
        "created_at",
        "contact_number",
        "caller_id_number",
        "duration",
        "ring_duration",
        "destination",
        "start_at",
        "answer_at",
        "environment_name",
        "user_fullname",
        "user_name",
        "extension_username",
        "cause",
        "sip_status",
        "recording_url",
        "duration_time",
        "billing_duration",
        "billing_duration_time",
        "did_number",
        "did_name",
        "queue_disposition",
        "ivr_name",
        "call_state",
        "queue_name",
    ];

    private readonly VoipappzProfile profile = new();

    [Test]
    public void Post_sends_a_json_body_with_the_seed_fields_in_the_seed_order()
    {
        var request = Send("incoming-answered", Hangup);
        using var body = Json(request);
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("POST"));
            Assert.That(request.ContentType, Is.EqualTo("application/json"));
            Assert.That(request.Url, Is.EqualTo(Support.Fixtures.Target), "no query string on POST");
            Assert.That(body.RootElement.EnumerateObject().Select(field => field.Name), Is.EqualTo(SeedFields));
        });
    }

    [Test]
    public void Answered_call_times_and_durations_agree_with_each_other_and_the_call()
    {
        var scenario = Scenario("voipappz", "incoming-answered");
        var call = Call(scenario);
        using var hangup = Json(Send("incoming-answered", Hangup));
        var b = hangup.RootElement;
        var created = DateTimeOffset.Parse(b.GetProperty("created_at").GetString()!, CultureInfo.InvariantCulture);
        var ist = new TimeSpan(5, 30, 0);
        Assert.Multiple(() =>
        {
            Assert.That(b.GetProperty("created_at").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$"));
            Assert.That(created - call.StartedAt, Is.LessThan(TimeSpan.FromSeconds(1)).And.GreaterThanOrEqualTo(TimeSpan.Zero));
            Assert.That(
                b.GetProperty("start_at").GetString(),
                Is.EqualTo(call.StartedAt.ToOffset(ist).ToString("HH:mm:ss", CultureInfo.InvariantCulture)),
                "local time (IST by default)"
            );
            Assert.That(
                b.GetProperty("answer_at").GetString(),
                Is.EqualTo(call.AnsweredAt.ToOffset(ist).ToString("HH:mm:ss", CultureInfo.InvariantCulture))
            );
            Assert.That(b.GetProperty("ring_duration").GetInt32(), Is.EqualTo(call.RingSeconds));
            Assert.That(b.GetProperty("duration").GetInt32(), Is.EqualTo(call.RingSeconds + call.TalkSeconds), "duration = ring + talk");
            Assert.That(
                b.GetProperty("duration_time").GetString(),
                Is.EqualTo(TimeSpan.FromSeconds(call.RingSeconds + call.TalkSeconds).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture))
            );
            Assert.That(b.GetProperty("cause").GetString(), Is.EqualTo("answer"));
            Assert.That(b.GetProperty("sip_status").GetString(), Is.EqualTo("200"));
            Assert.That(
                b.GetProperty("recording_url").GetString(),
                Is.EqualTo("https://cloud.voipappz.io/recordings/" + b.GetProperty("uuid").GetString())
            );
            Assert.That(b.GetProperty("billing_duration").ValueKind, Is.EqualTo(JsonValueKind.Null), "billing arrives with Call:Reporting");
            Assert.That(b.GetProperty("direction").GetString(), Is.EqualTo("incoming"));
            Assert.That(b.GetProperty("caller_id_number").GetString(), Is.EqualTo(call.Customer.Digits));
            Assert.That(b.GetProperty("did_number").GetString(), Is.EqualTo(call.ServiceNumber.Digits));
            Assert.That(b.GetProperty("destination").GetString(), Is.EqualTo("0" + call.ServiceNumber.National));
        });
    }

    [Test]
    public void Ringing_has_no_answer_cause_or_duration_yet()
    {
        using var ringing = Json(Send("incoming-answered", "Call:Ringing"));
        var b = ringing.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(b.GetProperty("answer_at").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(b.GetProperty("cause").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(b.GetProperty("duration").GetInt32(), Is.Zero);
            Assert.That(b.GetProperty("duration_time").GetString(), Is.EqualTo("00:00:00"));
            Assert.That(b.GetProperty("recording_url").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [TestCase("incoming-missed", "no_answer", "480")]
    [TestCase("obd-no-answer", "no_answer", "480")]
    [TestCase("obd-busy", "busy", "486")]
    [TestCase("click-to-call-rejected", "busy", "486")]
    public void Unanswered_calls_end_with_their_cause_and_no_recording(string scenario, string cause, string sip)
    {
        using var hangup = Json(Send(scenario, Hangup));
        var b = hangup.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(b.GetProperty("cause").GetString(), Is.EqualTo(cause));
            Assert.That(b.GetProperty("sip_status").GetString(), Is.EqualTo(sip));
            Assert.That(b.GetProperty("recording_url").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(b.GetProperty("answer_at").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(b.GetProperty("duration").GetInt32(), Is.EqualTo(b.GetProperty("ring_duration").GetInt32()), "no talk time");
        });
    }

    [Test]
    public void Missed_queue_call_is_abandoned_or_timed_out_by_its_ring_time()
    {
        var call = Call(Scenario("voipappz", "incoming-missed"));
        using var hangup = Json(Send("incoming-missed", Hangup));
        var expected = call.RingSeconds >= VoipappzPayload.QueueTimeoutSeconds ? "timeout" : "abandoned";
        Assert.That(hangup.RootElement.GetProperty("queue_disposition").GetString(), Is.EqualTo(expected));
    }

    [Test]
    public void Reporting_bills_the_talk_seconds_by_default_and_the_samples_epoch_on_request()
    {
        var call = Call(Scenario("voipappz", "incoming-answered"));
        using var seconds = Json(Send("incoming-answered", "Call:Reporting"));
        using var sample = Json(Send("incoming-answered", "Call:Reporting", Config(options: ("billing", "sample"))));
        var end = call.EndedAt.ToUnixTimeSeconds();
        Assert.Multiple(() =>
        {
            Assert.That(seconds.RootElement.GetProperty("billing_duration").GetInt32(), Is.EqualTo(call.TalkSeconds));
            Assert.That(
                seconds.RootElement.GetProperty("billing_duration_time").GetString(),
                Is.EqualTo(TimeSpan.FromSeconds(call.TalkSeconds).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture))
            );
            Assert.That(
                sample.RootElement.GetProperty("billing_duration").GetInt64(),
                Is.EqualTo(end),
                "the sample's 1733173541 is the call's end"
            );
            Assert.That(
                sample.RootElement.GetProperty("billing_duration_time").GetString(),
                Is.EqualTo($"00:{end % 3600 / 60:00}:{end % 60:00}")
            );
        });
    }

    [Test]
    public void Get_puts_every_field_on_the_query_string_in_body_order_with_null_as_empty()
    {
        var request = Send("incoming-answered", "Call:Ringing", Config("GET"));
        var query = HttpUtility.ParseQueryString(request.Url.Query);
        Assert.Multiple(() =>
        {
            Assert.That(request.HasBody, Is.False);
            Assert.That(query.AllKeys, Is.EqualTo(SeedFields));
            Assert.That(query["answer_at"], Is.Empty);
            Assert.That(query["duration"], Is.EqualTo("0"));
            Assert.That(query["sip_status"], Is.EqualTo("180"));
        });
    }

    [Test]
    public void Get_with_body_option_sends_the_json_body_on_the_get()
    {
        var request = Send("incoming-answered", "Call:Ringing", Config("GET", options: ("get", "body")));
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("GET"));
            Assert.That(request.ContentType, Is.EqualTo("application/json"));
            Assert.That(request.Url.Query, Is.Empty);
        });
        using var body = Json(request);
        Assert.That(body.RootElement.GetProperty("uuid").GetString(), Is.Not.Empty);
    }

    [Test]
    public void Destination_is_a_quoted_string_by_default_a_number_or_the_samples_invalid_bytes_on_request()
    {
        var national = Call(Scenario("voipappz", "obd-no-answer")).Customer.National;
        var text = Encoding.UTF8.GetString(Send("obd-no-answer", "Call:Ringing").Body.Span);
        var number = Encoding.UTF8.GetString(Send("obd-no-answer", "Call:Ringing", Config(options: ("destination", "number"))).Body.Span);
        var raw = Encoding.UTF8.GetString(Send("obd-no-answer", "Call:Ringing", Config(options: ("destination", "raw"))).Body.Span);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain($"\"destination\":\"0{national}\","));
            Assert.That(number, Does.Contain($"\"destination\":{national},"));
            Assert.That(raw, Does.Contain($"\"destination\":0{national},"));
            Assert.That(() => JsonDocument.Parse(raw), Throws.InstanceOf<JsonException>(), "raw reproduces the sample's invalid JSON");
        });
    }

    [Test]
    public void Zone_option_moves_start_at_and_never_created_at()
    {
        using var utc = Json(Send("incoming-answered", "Call:Ringing", Config(options: ("zone", "utc"))));
        using var israel = Json(Send("incoming-answered", "Call:Ringing", Config(options: ("zone", "+02:00"))));
        var created = utc.RootElement.GetProperty("created_at").GetString()!;
        Assert.Multiple(() =>
        {
            Assert.That(utc.RootElement.GetProperty("start_at").GetString(), Is.EqualTo(created[11..19]));
            Assert.That(israel.RootElement.GetProperty("created_at").GetString(), Is.EqualTo(created));
            Assert.That(
                israel.RootElement.GetProperty("start_at").GetString(),
                Is.EqualTo(
                    DateTimeOffset
                        .Parse(created, CultureInfo.InvariantCulture)
                        .ToOffset(TimeSpan.FromHours(2))
                        .ToString("HH:mm:ss", CultureInfo.InvariantCulture)
                )
            );
        });
    }

    [Test]
    public void Every_event_of_a_call_carries_one_version_4_uuid_which_is_the_call_id()
    {
        var scenario = Scenario("voipappz", "incoming-ivr");
        var uuids = BuildAll(profile, scenario, Config())
            .Select(request =>
            {
                using var body = Json(request);
                return body.RootElement.GetProperty("uuid").GetString();
            })
            .Distinct()
            .ToList();
        Assert.That(uuids, Has.Count.EqualTo(1));
        Assert.That(uuids[0], Does.Match("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        Assert.That(profile.CallId(Call(scenario), Config()), Is.EqualTo(uuids[0]));
    }

    [Test]
    public void Only_enabled_and_subscribed_events_are_sent_and_the_rest_say_why()
    {
        var scenario = Scenario("voipappz", "incoming-answered");
        var config = Config(options: [("subscribed", "Call:Answer,Call:Hangup"), ("enabled", "Call:Hangup,Call:Ringing")]);
        var reasons = scenario.Steps.Select(step => profile.SkipReason(Context(scenario, step.Event), config)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(
                reasons[0],
                Is.EqualTo("the Call:Ringing webhook is not subscribed to the environment (--option subscribed=Call:Answer,Call:Hangup)")
            );
            Assert.That(reasons[1], Is.EqualTo("the Call:Answer webhook is not enabled (--option enabled=Call:Hangup,Call:Ringing)"));
            Assert.That(reasons[2], Is.Null, "Call:Hangup is both enabled and subscribed");
            Assert.That(reasons[3], Does.StartWith("the Call:Reporting webhook is not enabled"));
            Assert.That(
                scenario.Steps.Select(step => profile.SkipReason(Context(scenario, step.Event), Config())),
                Is.All.Null,
                "by default every webhook fires"
            );
        });
    }

    [Test]
    public void Validation_names_unknown_options_events_values_and_query_mappings()
    {
        var config = Config(options: [("subscribed", "Call:Ringing,Call:Ended"), ("zone", "IST"), ("color", "red")]) with
        {
            Query = [new QueryMapping("n", "uuid")],
        };
        Assert.That(
            profile.Validate(config),
            Is.EqualTo(
                new[]
                {
                    "--option subscribed=Call:Ringing,Call:Ended: 'Call:Ended' is not a voipappz event (Call:Ringing, Call:Answer, Call:Hangup, Call:Reporting, Ivr:Start, Ivr:End)",
                    "--option zone=IST: use utc or an offset like +05:30 or -04:00",
                    "--option color=red: voipappz has no such option (it has: " + VoipappzOptions.Usage + ")",
                    "--query n=uuid: voipappz has no query-parameter mapping; its body carries every field",
                }
            )
        );
    }

    private const string Hangup = "Call:Hangup";

    private WebhookRequest Send(string scenarioName, string eventId, WebhookConfig? config = null) =>
        profile.Build(Context(Scenario("voipappz", scenarioName), eventId), config ?? Config());

    private static JsonDocument Json(WebhookRequest request) => JsonDocument.Parse(request.Body);
}
