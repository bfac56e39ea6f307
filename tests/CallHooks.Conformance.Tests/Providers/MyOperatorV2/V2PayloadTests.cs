using System.Text.Json;
using System.Text.Json.Nodes;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Scenarios;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Providers.MyOperatorV2;

/// <summary>The payloads of call.end and call.summary: documented status and dial_status values, durations that add up.</summary>
public sealed class V2PayloadTests
{
    [TestCase("incoming-answered", "bridged", new[] { "ANSWER" })]
    [TestCase("incoming-ivr-answered", "bridged", new[] { "ANSWER" })]
    [TestCase("incoming-missed", "missed", new[] { "NO ANSWER", "CANCEL" })]
    [TestCase("incoming-voicemail", "voicemail", new[] { "NO ANSWER" })]
    [TestCase("obd-no-answer", "missed", new[] { "NO ANSWER" })]
    [TestCase("click-to-call-rejected", "missed", new[] { "ANSWER", "BUSY" })]
    public void End_and_summary_carry_the_outcome_and_each_legs_dial_status(string scenario, string status, string[] dialStatuses)
    {
        var finals = V2Kit.Bodies(scenario).Where(body => body.GetProperty("event_type").GetString() is "call.end" or "call.summary").ToList();
        Assert.That(finals, Has.Count.EqualTo(2));
        foreach (var payload in finals.Select(body => body.GetProperty("payload")))
        {
            Assert.That(payload.GetProperty("status").GetString(), Is.EqualTo(status));
            Assert.That(payload.GetProperty("legs").EnumerateArray().Select(leg => leg.GetProperty("dial_status").GetString()), Is.EqualTo(dialStatuses));
        }
    }

    [TestCase("incoming-answered")]
    [TestCase("incoming-missed")]
    [TestCase("click-to-call-rejected")]
    [TestCase("obd-no-answer")]
    public void Durations_agree_with_the_calls_own_times(string scenario)
    {
        var payload = V2Kit.Bodies(scenario).Single(body => body.GetProperty("event_type").GetString() == "call.end").GetProperty("payload");
        var started = V2Kit.Instant(payload.GetProperty("started_at"));
        var ended = V2Kit.Instant(payload.GetProperty("ended_at"));
        var duration = payload.GetProperty("duration").GetInt32();
        Assert.Multiple(() =>
        {
            Assert.That(started, Is.EqualTo(Fixtures.Now));
            Assert.That((ended - started).TotalSeconds, Is.EqualTo(duration));
            Assert.That(payload.GetProperty("ring_duration").GetInt32() + payload.GetProperty("talk_duration").GetInt32(), Is.EqualTo(duration));
            foreach (var leg in payload.GetProperty("legs").EnumerateArray())
            {
                var ringStart = V2Kit.Instant(leg.GetProperty("ring_started_at"));
                var legEnd = V2Kit.Instant(leg.GetProperty("ended_at"));
                Assert.That(ringStart, Is.GreaterThanOrEqualTo(started));
                Assert.That(legEnd, Is.LessThanOrEqualTo(ended));
                Assert.That(leg.GetProperty("ring_duration").GetInt32() + leg.GetProperty("duration").GetInt32(), Is.EqualTo((legEnd - ringStart).TotalSeconds));
            }
        });
    }

    [Test]
    public void A_bridged_call_has_an_answer_time_a_talk_time_and_a_recording()
    {
        var summary = V2Kit.Bodies("incoming-answered").Single(body => body.GetProperty("event_type").GetString() == "call.summary").GetProperty("payload");
        Assert.That(summary.GetProperty("answered_at").ValueKind, Is.EqualTo(JsonValueKind.String));
        Assert.That(summary.GetProperty("talk_duration").GetInt32(), Is.GreaterThan(0));
        Assert.That(summary.GetProperty("recording_url").GetString(), Does.StartWith("https://"));
    }

    [Test]
    public void A_missed_call_has_no_answer_time_talk_time_or_recording()
    {
        var summary = V2Kit.Bodies("incoming-missed").Single(body => body.GetProperty("event_type").GetString() == "call.summary").GetProperty("payload");
        Assert.That(summary.GetProperty("answered_at").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(summary.GetProperty("talk_duration").GetInt32(), Is.Zero);
        Assert.That(summary.GetProperty("recording_url").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public void Numbers_swap_roles_by_direction()
    {
        var incoming = V2Kit.Bodies("incoming-answered")[0];
        var outgoing = V2Kit.Bodies("obd-no-answer")[0];
        Assert.That(incoming.GetProperty("payload").GetProperty("caller_number").GetString(), Is.EqualTo(incoming.GetProperty("customer_identifier").GetString()));
        Assert.That(incoming.GetProperty("payload").GetProperty("called_number").GetString(), Is.EqualTo(incoming.GetProperty("system_identifier").GetString()));
        Assert.That(outgoing.GetProperty("payload").GetProperty("called_number").GetString(), Is.EqualTo(outgoing.GetProperty("customer_identifier").GetString()));
        Assert.That(outgoing.GetProperty("payload").GetProperty("caller_number").GetString(), Is.EqualTo(outgoing.GetProperty("system_identifier").GetString()));
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
    public void Scenario_files_name_only_documented_v2_events()
    {
        var documented = V2Kit.Profile.Events.Select(e => e.Id).ToList();
        Assert.That(documented, Is.EqualTo(new[] { "call.initiated", "call.ivr_started", "call.dial_begin", "call.answered", "call.end", "call.summary", "disposition" }));
        Assert.That(V2Kit.All().Select(s => s.Name), Is.SupersetOf(new[] { "incoming-answered", "obd-no-answer", "click-to-call-rejected", "incoming-missed", "incoming-voicemail", "incoming-ivr-answered" }));
        Assert.That(V2Kit.All().Select(s => s.Steps[^1].Event), Is.All.AnyOf("call.summary", "disposition"), "every call ends with its summary (then a disposition where one fits)");
        Assert.That(ProviderCatalog.Find("myoperator-v2"), Is.Not.Null);
        Assert.That(ScenarioLibrary.LoadDirectory(RepoPaths.Scenarios).Errors, Is.Empty);
    }
}
