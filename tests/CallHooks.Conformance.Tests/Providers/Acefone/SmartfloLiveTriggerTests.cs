using System.Text.Json;
using static CallHooks.Conformance.Tests.Providers.Acefone.AcefoneKit;

namespace CallHooks.Conformance.Tests.Providers.Acefone;

/// <summary>
/// What each $variable holds on each trigger, held to what live click-to-call bodies of three Smartflo tenants show
/// (docs/providers/acefone.md), through a template that names the variables a CRM reads.
/// </summary>
public sealed class SmartfloLiveTriggerTests
{
    /// <summary>A CRM's template: the variables the live bodies were read for, structured ones unquoted.</summary>
    private const string Template =
        "{\"uuid\":\"$uuid\",\"call_id\":\"$call_id\",\"direction\":\"$direction\",\"call_status\":\"$call_status\",\"agent\":$answered_agent,"
        + "\"agent_number\":$answered_agent_number,\"answer_agent_number\":\"$answer_agent_number\",\"missed\":$missed_agent,\"flow\":$call_flow,"
        + "\"cause_key\":\"$hangup_cause_key\",\"cause_code\":\"$hangup_cause_code\",\"cause\":\"$hangup_cause_description\",\"billsec\":\"$billsec\","
        + "\"campaign_name\":\"$campaign_name\",\"ref_id\":\"$ref_id\",\"recording\":\"$recording_url\",\"recording_name\":\"$recording_name\","
        + "\"aws\":\"$aws_call_recording_identifier\",\"queue\":\"$queue_name\"}";

    [Test]
    public void A_live_click_to_call_says_click_to_call_and_a_phrase_and_its_hangup_clicktocall_and_a_word()
    {
        // dialed on extensions, answered by agent, answered by customer, hangup
        var bodies = Bodies("click-to-call-answered");
        Assert.That(
            bodies.Select(body => body.GetProperty("direction").GetString()),
            Is.EqualTo(new[] { "click_to_call", "click_to_call", "click_to_call", "clicktocall" })
        );
        Assert.That(
            bodies.Select(body => body.GetProperty("call_status").GetString()),
            Is.EqualTo(new[] { "", "Answered by agent", "Answered by customer", "answered" })
        );
    }

    [Test]
    public void Answered_by_customer_carries_the_agent_as_an_object_with_the_follow_me_number_and_answered_by_agent_offers_answer_agent_number()
    {
        var call = Call("click-to-call-answered");
        var bodies = Bodies("click-to-call-answered");
        var byCustomer = bodies[2].GetProperty("agent_number");
        Assert.Multiple(() =>
        {
            Assert.That(byCustomer.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "follow_me_number", "id", "name" }));
            Assert.That(byCustomer.GetProperty("follow_me_number").GetString(), Is.EqualTo(call.Agents[0].Number.E164));
            Assert.That(byCustomer.GetProperty("name").GetString(), Is.EqualTo(call.Agents[0].Name));
            Assert.That(
                bodies[1].GetProperty("agent_number").GetString(),
                Does.Match("^[0-9]{13}$"),
                "the seat string on answered by agent"
            );
            Assert.That(bodies[3].GetProperty("agent_number").GetString(), Does.Match("^[0-9]{13}$"), "the seat string on the hangup");
            Assert.That(bodies[1].GetProperty("answer_agent_number").GetString(), Is.EqualTo(call.Agents[0].Number.E164));
            Assert.That(bodies[0].GetProperty("answer_agent_number").GetString(), Is.Empty, "before anyone answered");
        });
    }

    [TestCase("click-to-call-answered", "NORMAL_CLEARING", "16", "Normal call clearing")]
    [TestCase("click-to-call-no-answer", "NO_ANSWER", "19", "No answer from user (user alerted)")]
    [TestCase("click-to-call-agent-missed", "NO_ANSWER", "19", "No answer from user (user alerted)")]
    [TestCase("click-to-call-rejected", "USER_BUSY", "17", "User busy")]
    public void The_hangup_carries_a_q850_cause_as_key_code_and_description(string scenario, string key, string code, string description)
    {
        var bodies = Bodies(scenario);
        var hangup = bodies[^1];
        Assert.That(
            (
                hangup.GetProperty("cause_key").GetString(),
                hangup.GetProperty("cause_code").GetString(),
                hangup.GetProperty("cause").GetString()
            ),
            Is.EqualTo((key, code, description))
        );
        Assert.That(
            bodies
                .Take(bodies.Count - 1)
                .Where(body => body.GetProperty("call_status").GetString() != "missed")
                .Select(body => body.GetProperty("cause_key").GetString()),
            Is.All.Empty,
            "no cause while the call is live"
        );
    }

    [Test]
    public void A_variable_that_does_not_apply_arrives_as_its_literal_name()
    {
        var clickToCall = Bodies("click-to-call-answered")[^1];
        var obd = Requests("obd-answered", Config(template: Template)).Select(Json).Last();
        Assert.That(clickToCall.GetProperty("campaign_name").GetString(), Is.EqualTo("$campaign_name"));
        Assert.That(clickToCall.GetProperty("queue").GetString(), Is.EqualTo("$queue_name"));
        Assert.That(obd.GetProperty("campaign_name").GetString(), Is.Not.Empty.And.Not.StartWith("$"), "a dialer call has its campaign");
    }

    [Test]
    public void On_the_hangup_the_answered_agent_is_dialed_and_ref_id_is_empty_on_a_click_to_call_placed_without_one()
    {
        var bodies = Bodies("click-to-call-answered");
        Assert.That(bodies[1].GetProperty("agent").GetProperty("dialst").GetString(), Is.EqualTo("Answered"));
        Assert.That(
            bodies[^1].GetProperty("agent").GetProperty("dialst").GetString(),
            Is.EqualTo("Dialed"),
            "live hangups say Dialed even when the agent answered"
        );
        Assert.That(bodies.Select(body => body.GetProperty("ref_id").GetString()), Is.All.Empty);
        var withReference = Requests(
                "click-to-call-answered",
                Config(template: Template, options: new Dictionary<string, string> { ["c2c-ref-id"] = "uuid" })
            )
            .Select(Json)
            .ToList();
        Assert.That(
            withReference[^1].GetProperty("ref_id").GetString(),
            Does.Match("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
        );
    }

    [Test]
    public void A_click_to_call_whose_agent_never_picked_up_lists_the_agent_as_missed_with_an_empty_flow()
    {
        var call = Call("click-to-call-agent-missed");
        var hangup = Bodies("click-to-call-agent-missed")[^1];
        Assert.Multiple(() =>
        {
            Assert.That(hangup.GetProperty("call_status").GetString(), Is.EqualTo("missed"));
            Assert.That(
                hangup.GetProperty("missed").EnumerateArray().Select(agent => agent.GetProperty("name").GetString()),
                Is.EqualTo(new[] { call.Agents[0].Name })
            );
            Assert.That(hangup.GetProperty("flow").GetArrayLength(), Is.Zero);
            Assert.That(hangup.GetProperty("agent").GetString(), Is.Empty);
        });
    }

    [Test]
    public void A_recorded_hangup_names_its_recording_and_the_live_triggers_do_not()
    {
        var bodies = Bodies("click-to-call-answered");
        Assert.That(bodies[^1].GetProperty("recording_name").GetString(), Does.Match("^[0-9a-f]{32}\\.mp3$"));
        Assert.That(bodies[^1].GetProperty("aws").GetString(), Does.Match("^[0-9a-f]{32}$"));
        Assert.That(bodies[^1].GetProperty("recording").GetString(), Does.StartWith("https://"));
        Assert.That(bodies.Take(3).Select(body => body.GetProperty("recording_name").GetString()), Is.All.Empty);
    }

    [Test]
    public void The_billsec_and_call_id_readings_change_what_their_tenants_send()
    {
        var options = new Dictionary<string, string> { ["billsec"] = "empty", ["call-id"] = "plain" };
        var hangup = Requests("click-to-call-answered", Config(template: Template, options: options)).Select(Json).Last();
        Assert.That(hangup.GetProperty("billsec").GetString(), Is.Empty, "one tenant leaves billsec empty on every answered call");
        Assert.That(hangup.GetProperty("call_id").GetString(), Does.Match(@"^\d{10}\.\d+$"));
        Assert.That(Bodies("click-to-call-answered")[^1].GetProperty("billsec").GetString(), Does.Match("^[1-9][0-9]*$"));
    }

    private static List<JsonElement> Bodies(string scenario) => Requests(scenario, Config(template: Template)).Select(Json).ToList();
}
