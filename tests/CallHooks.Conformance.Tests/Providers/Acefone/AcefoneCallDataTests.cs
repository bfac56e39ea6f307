using System.Globalization;
using System.Text.Json;
using CallHooks.Conformance.Tests.Support;
using static CallHooks.Conformance.Tests.Providers.Acefone.AcefoneKit;

namespace CallHooks.Conformance.Tests.Providers.Acefone;

/// <summary>What the variables say about a call: formats, time zones, number roles and consistency between fields.</summary>
public sealed class AcefoneCallDataTests
{
    private static readonly string[] Scenarios =
    [
        "incoming-answered",
        "incoming-missed",
        "incoming-ring-group",
        "ivr-dtmf",
        "obd-answered",
        "obd-no-answer",
        "click-to-call-answered",
        "click-to-call-rejected",
        "click-to-call-no-answer",
        "click-to-call-agent-missed",
    ];

    [Test]
    public void Stamps_are_ist_by_default_and_utc_on_request_while_ids_stay_the_same()
    {
        var ist = JsonBodies("incoming-answered")[^1];
        var utc = JsonBodies("incoming-answered", new Dictionary<string, string> { ["timezone"] = "UTC" })[^1];
        Assert.That(Text(ist, "start_stamp"), Is.EqualTo("2026-01-15 15:00:00"), "09:30 UTC is 15:00 IST");
        Assert.That(Text(utc, "start_stamp"), Is.EqualTo("2026-01-15 09:30:00"));
        foreach (var key in new[] { "answer_stamp", "end_stamp" })
            Assert.That(Parse(Text(ist, key)) - Parse(Text(utc, key)), Is.EqualTo(new TimeSpan(5, 30, 0)), key);
        Assert.That(Text(utc, "call_id"), Is.EqualTo(Text(ist, "call_id")));
        Assert.That(Text(utc, "uuid"), Is.EqualTo(Text(ist, "uuid")));
        Assert.That(
            Text(ist, "call_id"),
            Does.Match(@"^h\d+\.\d\d-" + Fixtures.Now.ToUnixTimeSeconds() + @"\.\d+$"),
            "the node, then the call's start epoch in UTC"
        );
    }

    [TestCase("incoming-answered")]
    [TestCase("ivr-dtmf")]
    public void Inbound_the_did_goes_as_plus_91_and_the_caller_in_ten_digits_as_live_bodies_show(string scenario)
    {
        var call = Call(scenario);
        foreach (var body in JsonBodies(scenario))
        {
            Assert.That(Text(body, "direction"), Is.EqualTo("inbound"));
            Assert.That(Text(body, "caller_id_number"), Is.EqualTo(call.Customer.National));
            Assert.That(Text(body, "call_to_number"), Is.EqualTo(call.ServiceNumber.E164));
            Assert.That(Text(body, "customer_no_with_prefix "), Is.EqualTo(call.Customer.Digits));
        }
    }

    [Test]
    public void Outbound_the_customer_is_called_in_ten_digits_while_live_and_as_plus_91_on_the_hangup()
    {
        var call = Call("click-to-call-rejected");
        var bodies = JsonBodies("click-to-call-rejected");
        Assert.That(
            bodies.Select(body => Text(body, "call_to_number")),
            Is.EqualTo(new[] { call.Customer.National, call.Customer.National, call.Customer.E164, call.Customer.E164 })
        );
        Assert.That(bodies.Select(body => Text(body, "caller_id_number")), Is.All.EqualTo(call.ServiceNumber.National));
    }

    [TestCase("incoming-answered", "inbound", true)]
    [TestCase("obd-no-answer", "dialer (outbound)", false)]
    [TestCase("click-to-call-rejected", "clicktocall", false)]
    public void The_cdr_numbers_reading_sends_the_shapes_of_older_hangup_payloads(string scenario, string hangupDirection, bool inbound)
    {
        var call = Call(scenario);
        var hangup = JsonBodies(scenario, new Dictionary<string, string> { ["numbers"] = "cdr" })[^1];
        Assert.That(Text(hangup, "direction"), Is.EqualTo(hangupDirection));
        Assert.That(Text(hangup, "caller_id_number"), Is.EqualTo(inbound ? call.Customer.E164 : call.ServiceNumber.National));
        Assert.That(Text(hangup, "call_to_number"), Is.EqualTo(inbound ? call.ServiceNumber.Digits : call.Customer.Digits));
    }

    [Test]
    public void Obd_direction_is_an_option_with_dialer_as_the_default()
    {
        var body = JsonBodies("obd-answered", new Dictionary<string, string> { ["obd-direction"] = "outbound" })[0];
        Assert.That(Text(body, "direction"), Is.EqualTo("outbound"));
        Assert.That(Text(body, "campaign_name"), Is.Not.Empty);
    }

    [TestCaseSource(nameof(Scenarios))]
    public void Every_field_has_its_documented_format(string scenario)
    {
        foreach (var body in JsonBodies(scenario))
        {
            Assert.That(Text(body, "uuid"), Does.Match("^[0-9a-f]{13}$"));
            Assert.That(Text(body, "call_id"), Does.Match(@"^h\d+\.\d\d-\d{10}\.\d+$"));
            Assert.That(Text(body, "start_stamp"), Does.Match(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$"));
            Assert.That(Text(body, "answer_stamp"), Does.Match(@"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)?$"));
            Assert.That(Text(body, "end_stamp"), Does.Match(@"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)?$"));
            Assert.That(Text(body, "call_status"), Is.AnyOf("", "answered", "missed", "Answered by agent", "Answered by customer"));
            Assert.That(Text(body, "call_connected"), Is.AnyOf("0", "1"));
            Assert.That(Text(body, "hangup_cause"), Is.AnyOf("", "NormalClearing", "disconnected_by_caller", "disconnected_by_callee"));
            foreach (var key in new[] { "billsec", "duration", "outbound_sec", "agent_ring_time", "customer_ring_time" })
                Assert.That(Text(body, key), Does.Match("^[0-9]*$"), key);
            Assert.That(body.GetProperty("call_flow").ValueKind, Is.EqualTo(JsonValueKind.Array));
            Assert.That(body.GetProperty("billing_circle").ValueKind, Is.EqualTo(JsonValueKind.Object));
            Assert.That(body.GetProperty("answered_agent").ValueKind, Is.AnyOf(JsonValueKind.Object, JsonValueKind.String));
            Assert.That(Text(body, "hangup_cause_code"), Is.AnyOf("", "16", "17", "19"));
        }
    }

    [TestCaseSource(nameof(Scenarios))]
    public void Durations_agree_with_the_stamps_and_the_last_trigger_ends_the_call(string scenario)
    {
        var bodies = JsonBodies(scenario);
        var last = bodies[^1];
        var start = Parse(Text(last, "start_stamp"));
        var end = Parse(Text(last, "end_stamp"));
        Assert.That(long.Parse(Text(last, "duration"), CultureInfo.InvariantCulture), Is.EqualTo((long)(end - start).TotalSeconds));
        var answer = Text(last, "answer_stamp");
        var expectedBillsec = answer.Length == 0 ? 0 : (long)(end - Parse(answer)).TotalSeconds;
        Assert.That(long.Parse(Text(last, "billsec"), CultureInfo.InvariantCulture), Is.EqualTo(expectedBillsec));
        Assert.That(
            Text(last, "call_status"),
            Is.EqualTo(
                scenario.Contains("answered", StringComparison.Ordinal) || scenario is "incoming-ring-group" or "ivr-dtmf"
                    ? "answered"
                    : "missed"
            )
        );
        foreach (var body in bodies.Take(bodies.Count - 1).Where(body => Text(body, "end_stamp").Length == 0))
            Assert.That(Text(body, "duration"), Is.Empty, "no duration before the call ended");
    }

    [TestCaseSource(nameof(Scenarios))]
    public void Call_id_is_constant_across_triggers_and_every_uuid_was_minted_during_the_call(string scenario)
    {
        var bodies = JsonBodies(scenario);
        Assert.That(bodies.Select(body => Text(body, "call_id")).Distinct(), Has.Exactly(1).Items);
        var callId = Text(bodies[0], "call_id");
        var epoch = long.Parse(callId[(callId.LastIndexOf('-') + 1)..].Split('.')[0], CultureInfo.InvariantCulture);
        foreach (var uuid in bodies.Select(body => Text(body, "uuid")))
            Assert.That(long.Parse(uuid[..8], NumberStyles.HexNumber, CultureInfo.InvariantCulture), Is.InRange(epoch, epoch + 3600), uuid);
    }

    [Test]
    public void Every_trigger_of_a_call_shares_its_uuid_and_the_per_leg_reading_changes_it_with_the_leg()
    {
        // click-to-call-rejected: agent dialed, agent answered (agent leg), missed by customer (customer leg), hangup (agent leg).
        Assert.That(
            JsonBodies("click-to-call-rejected").Select(body => Text(body, "uuid")).Distinct(),
            Has.Exactly(1).Items,
            "one live click-to-call shares it between triggers"
        );
        var uuids = JsonBodies("click-to-call-rejected", new Dictionary<string, string> { ["uuid"] = "per-leg" })
            .Select(body => Text(body, "uuid"))
            .ToList();
        Assert.That(uuids[1], Is.EqualTo(uuids[0]));
        Assert.That(uuids[2], Is.Not.EqualTo(uuids[0]));
        Assert.That(uuids[3], Is.EqualTo(uuids[0]));
    }

    [Test]
    public void A_missed_inbound_call_lists_every_rung_agent_and_an_answered_one_names_its_agent()
    {
        var missed = JsonBodies("incoming-missed")[^1];
        var agents = Call("incoming-missed").Agents;
        Assert.That(
            missed.GetProperty("missed_agent").EnumerateArray().Select(agent => agent.GetProperty("agent_number").GetString()),
            Is.EqualTo(agents.Select(agent => agent.Number.E164))
        );
        Assert.That(Text(missed, "answered_agent"), Is.Empty);
        Assert.That(Text(missed, "recording_url"), Does.StartWith("https://"), "the IVR greeting of a missed call is recorded");

        var answered = JsonBodies("incoming-answered")[^1];
        var agent = Call("incoming-answered").Agents[0];
        Assert.That(answered.GetProperty("answered_agent").GetProperty("name").GetString(), Is.EqualTo(agent.Name));
        Assert.That(Text(answered, "answered_agent_name"), Is.EqualTo(agent.Name));
        Assert.That(
            Text(answered, "answered_agent_number"),
            Is.EqualTo(answered.GetProperty("answered_agent").GetProperty("number").GetString())
        );
        Assert.That(Text(answered, "recording_url"), Does.StartWith("https://").And.Contain(Text(answered, "call_id")));
    }

    [Test]
    public void The_dtmf_trigger_carries_the_pressed_digit()
    {
        var bodies = JsonBodies("ivr-dtmf");
        Assert.That(Text(bodies[1], "digits_dialed"), Is.Empty, "before the caller pressed anything");
        Assert.That(Text(bodies[2], "digits_dialed"), Does.Match("^[1-9]$"));
        Assert.That(bodies[2].GetProperty("call_flow").EnumerateArray().Last().GetProperty("type").GetString(), Is.EqualTo("DTMF"));
    }

    private static DateTime Parse(string stamp) => DateTime.ParseExact(stamp, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
