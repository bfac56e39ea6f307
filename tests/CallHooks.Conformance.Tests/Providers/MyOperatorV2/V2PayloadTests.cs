using System.Text.Json;
using System.Text.Json.Nodes;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Scenarios;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Providers.MyOperatorV2;

/// <summary>
/// The payloads of call.end and call.summary, held to the facts of MyOperator's call.summary sample and an
/// integrator's notes on bodies from their own account (docs/providers/myoperator-v2.md), not to a snapshot.
/// </summary>
public sealed class V2PayloadTests
{
    private static readonly string[] SampleKeys =
    [
        "id",
        "direction",
        "customer_number",
        "status",
        "started_at",
        "ended_at",
        "category",
        "location",
        "duration",
        "recording_filename",
        "obd_campaign",
        "legs",
        "billable",
        "comments",
        "ref_id",
        "client_ref_id",
        "did",
    ];

    private static readonly string[] LegKeys =
    [
        "leg_index",
        "type",
        "result",
        "dial_status",
        "phone_number",
        "talk_duration",
        "ring_duration",
        "started_at",
        "ended_at",
        "answered_at",
        "pickup_device",
        "agent",
        "department",
    ];

    private static IEnumerable<string> ScenarioNames() => V2Kit.All().Select(scenario => scenario.Name);

    [TestCaseSource(nameof(ScenarioNames))]
    public void Summary_carries_the_samples_payload_keys_and_call_end_all_but_the_per_leg_people_and_comments(string scenario)
    {
        var summary = Final(scenario, "call.summary");
        var end = Final(scenario, "call.end");
        Assert.Multiple(() =>
        {
            Assert.That(summary.EnumerateObject().Select(p => p.Name), Is.EqualTo(SampleKeys));
            Assert.That(end.EnumerateObject().Select(p => p.Name), Is.EqualTo(SampleKeys.Where(key => key != "comments")));
            Assert.That(
                summary.GetProperty("legs").EnumerateArray().Select(leg => leg.EnumerateObject().Select(p => p.Name)),
                Is.All.EqualTo(LegKeys)
            );
            Assert.That(
                end.GetProperty("legs").EnumerateArray().Select(leg => leg.EnumerateObject().Select(p => p.Name)),
                Is.All.EqualTo(LegKeys.Where(key => key is not ("agent" or "department")))
            );
            Assert.That(summary.GetProperty("comments").GetArrayLength(), Is.Zero);
        });
    }

    [TestCase("incoming-answered", "bridged", new[] { "customer connected ", "agent answered ANSWER" })]
    [TestCase(
        "incoming-busy-then-answered",
        "bridged",
        new[] { "customer connected ", "agent not_answered BUSY", "agent answered ANSWER" }
    )]
    [TestCase("incoming-ivr-answered", "bridged", new[] { "customer connected ", "agent answered ANSWER" })]
    [TestCase("incoming-missed", "missed", new[] { "customer connected ", "agent not_answered NOANSWER", "agent not_answered CANCEL" })]
    [TestCase("incoming-voicemail", "voicemail", new[] { "customer connected ", "agent not_answered NOANSWER" })]
    [TestCase("obd-answered", "bridged", new[] { "customer answered ANSWER", "agent answered ANSWER" })]
    [TestCase("obd-no-answer", "missed", new[] { "customer not_answered NOANSWER" })]
    [TestCase("click-to-call-answered", "bridged", new[] { "agent answered ANSWER", "customer answered ANSWER" })]
    [TestCase("click-to-call-rejected", "missed", new[] { "agent answered ANSWER", "customer not_answered BUSY" })]
    public void Legs_are_numbered_parties_with_a_result_and_a_dial_status_as_account_bodies_show(
        string scenario,
        string status,
        string[] legs
    )
    {
        foreach (var payload in new[] { Final(scenario, "call.end"), Final(scenario, "call.summary") })
        {
            Assert.That(payload.GetProperty("status").GetString(), Is.EqualTo(status));
            var actual = payload.GetProperty("legs").EnumerateArray().ToList();
            Assert.That(
                actual.Select(leg =>
                    $"{leg.GetProperty("type").GetString()} {leg.GetProperty("result").GetString()} {leg.GetProperty("dial_status").GetString()}"
                ),
                Is.EqualTo(legs)
            );
            Assert.That(actual.Select(leg => leg.GetProperty("leg_index").GetInt32()), Is.EqualTo(Enumerable.Range(1, legs.Length)));
        }
    }

    [Test]
    public void The_documented_spelling_of_no_answer_is_a_reading()
    {
        var documented = Final("incoming-missed", "call.summary", Options(("no-answer", "documented")));
        Assert.That(
            documented.GetProperty("legs").EnumerateArray().Select(leg => leg.GetProperty("dial_status").GetString()),
            Is.EqualTo(new[] { "", "NO ANSWER", "CANCEL" })
        );
    }

    [TestCase("incoming-answered")]
    [TestCase("incoming-missed")]
    public void An_incoming_customer_leg_is_connected_with_no_answer_time_and_spans_the_call(string scenario)
    {
        var payload = Final(scenario, "call.summary");
        var customer = payload.GetProperty("legs")[0];
        Assert.Multiple(() =>
        {
            Assert.That(customer.GetProperty("type").GetString(), Is.EqualTo("customer"));
            Assert.That(customer.GetProperty("phone_number").GetString(), Is.EqualTo(payload.GetProperty("customer_number").GetString()));
            Assert.That(customer.GetProperty("answered_at").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(customer.GetProperty("talk_duration").GetInt32(), Is.EqualTo(payload.GetProperty("duration").GetInt32()));
            Assert.That(customer.GetProperty("agent").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [TestCaseSource(nameof(ScenarioNames))]
    public void Times_carry_plus_zero_offsets_and_every_duration_agrees_with_them(string scenario)
    {
        var payload = Final(scenario, "call.summary");
        var started = V2Kit.Instant(payload.GetProperty("started_at"));
        var ended = V2Kit.Instant(payload.GetProperty("ended_at"));
        Assert.Multiple(() =>
        {
            Assert.That(payload.GetProperty("started_at").GetString(), Does.Match(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$"));
            Assert.That(started, Is.EqualTo(Fixtures.Now));
            Assert.That((ended - started).TotalSeconds, Is.EqualTo(payload.GetProperty("duration").GetInt32()), "ring and pickup included");
            foreach (var leg in payload.GetProperty("legs").EnumerateArray())
            {
                var legStart = V2Kit.Instant(leg.GetProperty("started_at"));
                var legEnd = V2Kit.Instant(leg.GetProperty("ended_at"));
                Assert.That(legStart, Is.InRange(started, ended));
                Assert.That(legEnd, Is.InRange(legStart, ended));
                if (leg.GetProperty("answered_at").ValueKind == JsonValueKind.String)
                {
                    var answered = V2Kit.Instant(leg.GetProperty("answered_at"));
                    Assert.That(leg.GetProperty("talk_duration").GetInt32(), Is.EqualTo((legEnd - answered).TotalSeconds));
                    Assert.That(leg.GetProperty("ring_duration").GetInt32(), Is.EqualTo((answered - legStart).TotalSeconds));
                }
                else if (leg.GetProperty("result").GetString() == "not_answered")
                {
                    Assert.That(leg.GetProperty("talk_duration").ValueKind, Is.EqualTo(JsonValueKind.Null));
                    Assert.That(leg.GetProperty("ring_duration").GetInt32(), Is.EqualTo((legEnd - legStart).TotalSeconds));
                }
            }
        });
    }

    [Test]
    public void Category_campaign_and_references_tell_obd_from_incoming_as_account_bodies_do()
    {
        var obd = Final("obd-answered", "call.summary");
        var incoming = Final("incoming-answered", "call.summary");
        var clickToCall = Final("click-to-call-answered", "call.summary");
        Assert.Multiple(() =>
        {
            Assert.That(obd.GetProperty("category").GetString(), Is.EqualTo("obd"));
            Assert.That(obd.GetProperty("obd_campaign").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "id", "job_id" }));
            Assert.That(
                obd.GetProperty("client_ref_id").GetString(),
                Does.StartWith("crm-"),
                "the CRM's own reference comes back as client_ref_id"
            );
            Assert.That(
                obd.GetProperty("ref_id").GetString(),
                Does.Match("^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"),
                "MyOperator's own time-based UUID"
            );
            Assert.That(incoming.GetProperty("category").GetString(), Is.EqualTo("incoming"));
            Assert.That(incoming.GetProperty("obd_campaign").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(
                (incoming.GetProperty("ref_id").GetString(), incoming.GetProperty("client_ref_id").GetString()),
                Is.EqualTo(("", ""))
            );
            Assert.That(clickToCall.GetProperty("category").GetString(), Is.EqualTo("obd"));
            Assert.That(clickToCall.GetProperty("obd_campaign").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [TestCase("incoming-answered", true)]
    [TestCase("incoming-voicemail", true)]
    [TestCase("incoming-missed", false)]
    [TestCase("obd-no-answer", false)]
    public void A_recorded_call_names_its_recording_file_and_others_leave_it_empty(string scenario, bool recorded)
    {
        var payload = Final(scenario, "call.summary");
        var file = payload.GetProperty("recording_filename").GetString();
        Assert.That(file, recorded ? Does.Match("^[0-9a-f]{48}-v2\\.mp3$") : Is.Empty);
        Assert.That(payload.GetProperty("billable").GetBoolean(), Is.EqualTo(payload.GetProperty("status").GetString() == "bridged"));
    }

    [Test]
    public void Summary_legs_name_the_agent_and_department_and_the_answering_agent_picked_up_on_a_phone()
    {
        var legs = Final("incoming-busy-then-answered", "call.summary").GetProperty("legs").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            foreach (var agentLeg in legs.Skip(1))
            {
                Assert.That(
                    agentLeg.GetProperty("agent").EnumerateObject().Select(p => p.Name),
                    Is.EqualTo(new[] { "uuid", "name", "email", "contact", "extension" })
                );
                Assert.That(agentLeg.GetProperty("agent").GetProperty("contact").GetString(), Does.Match("^[6-9][0-9]{9}$"));
                Assert.That(agentLeg.GetProperty("department").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "id", "name" }));
                Assert.That(
                    agentLeg.GetProperty("phone_number").GetString(),
                    Does.EndWith(agentLeg.GetProperty("agent").GetProperty("contact").GetString()!)
                );
            }

            Assert.That(legs[1].GetProperty("pickup_device").ValueKind, Is.EqualTo(JsonValueKind.Null), "the busy agent never picked up");
            Assert.That(legs[2].GetProperty("pickup_device").GetString(), Is.EqualTo("phone"));
            Assert.That(
                legs[1].GetProperty("agent").GetProperty("uuid").GetString(),
                Is.Not.EqualTo(legs[2].GetProperty("agent").GetProperty("uuid").GetString())
            );
        });
    }

    [Test]
    public void Summary_carries_event_sequence_1_as_the_sample_does_unless_the_reading_numbers_it_next()
    {
        int Sequence(Dictionary<string, string>? options) =>
            V2Kit
                .Bodies("incoming-answered", V2Kit.Config(options))
                .Single(body => body.GetProperty("event_type").GetString() == "call.summary")
                .GetProperty("event_sequence")
                .GetInt32();
        Assert.That((Sequence(null), Sequence(Options(("summary-sequence", "next")))), Is.EqualTo((1, 5)));
    }

    [Test]
    public void A_disposition_is_call_disposition_unless_the_reading_says_disposition()
    {
        string Type(Dictionary<string, string>? options) =>
            V2Kit.Bodies("incoming-answered", V2Kit.Config(options))[^1].GetProperty("event_type").GetString()!;
        Assert.That((Type(null), Type(Options(("disposition-type", "disposition")))), Is.EqualTo(("call.disposition", "disposition")));
    }

    [Test]
    public void Set_and_unset_reach_envelope_fields_by_name_and_payload_fields_otherwise()
    {
        var scenario = V2Kit.Scenario("obd-no-answer");
        var step = scenario.Steps[2] with
        {
            Set = new Dictionary<string, JsonNode?> { ["event_version"] = 2, ["status"] = "voicemail" },
            Unset = ["session_id", "legs"],
        };
        var request = V2Kit.Requests(scenario with { Steps = [scenario.Steps[0], scenario.Steps[1], step] })[2];
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("event_version").GetInt32(), Is.EqualTo(2));
            Assert.That(root.GetProperty("payload").GetProperty("status").GetString(), Is.EqualTo("voicemail"));
            Assert.That(root.TryGetProperty("session_id", out _), Is.False);
            Assert.That(root.GetProperty("payload").TryGetProperty("legs", out _), Is.False);
            Assert.That(root.TryGetProperty("status", out _), Is.False, "payload fields do not leak into the envelope");
        });
    }

    [Test]
    public void The_v2_suite_covers_what_the_v1_suite_covers()
    {
        Assert.That(
            V2Kit.Profile.Events.Select(e => e.Id),
            Is.EqualTo(
                new[]
                {
                    "call.initiated",
                    "call.ivr_started",
                    "call.dial_begin",
                    "call.answered",
                    "call.end",
                    "call.summary",
                    "disposition",
                }
            )
        );
        Assert.That(
            V2Kit.All().Select(s => s.Name),
            Is.SupersetOf(
                new[]
                {
                    "incoming-answered",
                    "incoming-missed",
                    "incoming-voicemail",
                    "incoming-ivr-answered",
                    "obd-answered",
                    "obd-no-answer",
                    "click-to-call-answered",
                    "click-to-call-rejected",
                    "incoming-busy-then-answered",
                }
            )
        );
        Assert.That(
            V2Kit.All().Select(s => s.Steps[^1].Event),
            Is.All.AnyOf("call.summary", "disposition"),
            "every call ends with its summary (then a disposition where one fits)"
        );
        Assert.That(ProviderCatalog.Find("myoperator-v2"), Is.Not.Null);
        Assert.That(ScenarioLibrary.LoadDirectory(RepoPaths.Scenarios).Errors, Is.Empty);
    }

    private static JsonElement Final(string scenario, string eventType, Dictionary<string, string>? options = null) =>
        V2Kit
            .Bodies(scenario, V2Kit.Config(options))
            .Single(body => body.GetProperty("event_type").GetString() == eventType)
            .GetProperty("payload");

    private static Dictionary<string, string> Options(params (string Name, string Value)[] options) =>
        options.ToDictionary(option => option.Name, option => option.Value, StringComparer.Ordinal);
}
