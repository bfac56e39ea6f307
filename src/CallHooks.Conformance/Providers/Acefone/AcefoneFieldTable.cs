using CallHooks.Conformance.Providers.Fields;
using static CallHooks.Conformance.Providers.Acefone.AcefoneSources;
using static CallHooks.Conformance.Providers.Fields.FieldRow;

namespace CallHooks.Conformance.Providers.Acefone;

/// <summary>
/// Every variable the Acefone / Smartflo profile fills into a template, with its source (docs/providers/acefone.md shows
/// this table). The keys of the body are the user's template; what matters is what each <c>$variable</c> holds on each
/// trigger. Every scalar is a string. A variable that does not apply to a call goes out as its literal <c>$name</c>.
/// </summary>
internal static class AcefoneFieldTable
{
    private const string A = Source.AssumptionId;

    public static readonly FieldTable Table = FieldTable.Of(
        All,
        [
            Of(
                "$uuid",
                "13 hex digits (a PHP uniqid: the leg's epoch in hex, then microseconds)",
                $"{TriggerPage}, {HangupCode}, {LiveClickToCall}",
                "one uuid for every trigger of a call (reading uuid=per-leg changes it per leg)"
            ),
            Of(
                "$call_id",
                "\"h11.08-<epoch>.<sequence>\": the node, a dash, then the call's epoch and sequence; the same on every trigger",
                $"{TriggerPage}, {LiveClickToCall}, {HangupCode}",
                "reading call-id=plain drops the node, as older payloads show"
            ),
            Of(
                "$call_to_number",
                "the called number: inbound the DID as +91..., outbound the customer (ten digits while live, +91... on the hangup)",
                $"{TriggerPage}, {LiveClickToCall}, {A}",
                "reading numbers=cdr sends the shapes of older hangup payloads; which trigger has which outbound shape is our reading"
            ),
            Of(
                "$caller_id_number",
                "the calling number: inbound the customer in ten digits, outbound the DID in ten digits",
                $"{TriggerPage}, {LiveClickToCall}, {HangupCode}"
            ),
            Of("$start_stamp", "YYYY-MM-DD HH:MM:SS in the webhook's time zone (IST by default)", $"{TriggerPage}, {HangupCode}"),
            Of(
                "$answer_stamp",
                "YYYY-MM-DD HH:MM:SS, or \"\" before an answer (a click-to-call's is the agent's answer)",
                $"{TriggerPage}, {HangupCode}"
            ),
            Of("$end_stamp", "YYYY-MM-DD HH:MM:SS on the hangup, \"\" before", $"{TriggerPage}, {HangupCode}"),
            Of(
                "$hangup_cause",
                "\"disconnected_by_caller\" | \"disconnected_by_callee\" | \"NormalClearing\" on the hangup, \"\" before",
                $"{TriggerPage}, {HangupCode}"
            ),
            Of(
                "$billsec",
                "whole seconds from answer to end on the hangup (\"0\" unanswered), \"\" before",
                $"{TriggerPage}, {HangupCode}",
                "one tenant leaves it empty on every answered call (reading billsec=empty)"
            ),
            Of("$digits_dialed", "the IVR digit the caller pressed (inbound, from the DTMF trigger on), else \"\"", TriggerPage),
            Of(
                "$direction",
                "\"inbound\" | \"click_to_call\" (a click-to-call while live) | \"clicktocall\" (its hangup) | \"dialer (outbound)\"",
                $"{TriggerPage}, {LiveClickToCall}, {HangupCode}",
                "reading obd-direction=outbound sends \"outbound\" for dialer calls"
            ),
            Of("$duration", "whole seconds from start to end on the hangup, \"\" before", $"{TriggerPage}, {HangupCode}"),
            Of("$answered_agent", "object (a JSON text in form bodies) once an agent answered, else \"\"", $"{TriggerPage}, {HangupCode}"),
            Of("$answered_agent.id", "13 digits, the agent's id", HangupCode),
            Of("$answered_agent.name", "the agent's name", HangupCode),
            Of(
                "$answered_agent.dialst",
                "\"Answered\" while live; \"Dialed\" on the hangup even when the agent answered",
                $"{LiveClickToCall}, {A}",
                "the hangup's Dialed is captured; Answered on the live triggers is our reading"
            ),
            Of("$answered_agent.number", "13 digits, the agent's seat", HangupCode),
            Of("$answered_agent.agent_number", "the agent's phone, +91...", HangupCode),
            Of("$answered_agent_name", "the answering agent's name, else \"\"", TriggerPage),
            Of(
                "$answered_agent_number",
                "on \"answered by customer\" an object {follow_me_number, id, name}; elsewhere the agent's 13-digit seat; \"\" before an answer",
                $"{TriggerPage}, {LiveClickToCall}, {HangupCode}"
            ),
            Of(
                "$answered_agent_number.follow_me_number",
                "the agent's phone the call reached, +91...",
                $"{LiveClickToCall}, {A}",
                "the key is captured; the number's form is our choice"
            ),
            Of("$answered_agent_number.id", "13 digits, the agent's id", LiveClickToCall),
            Of("$answered_agent_number.name", "the agent's name", LiveClickToCall),
            Of(
                "$missed_agent",
                "list of agent objects on a missed hangup (inbound, or a click-to-call whose agent never picked up), else \"\"",
                $"{TriggerPage}, {HangupCode}, {LiveClickToCall}"
            ),
            Of("$missed_agent[]", "object, shaped as $answered_agent with dialst \"Missed\"", HangupCode),
            Of("$missed_agent[].id", "13 digits", HangupCode),
            Of("$missed_agent[].name", "the agent's name", HangupCode),
            Of("$missed_agent[].dialst", "\"Missed\"", HangupCode),
            Of("$missed_agent[].number", "13 digits, the agent's seat", HangupCode),
            Of("$missed_agent[].agent_number", "the agent's phone, +91...", HangupCode),
            Of(
                "$call_flow",
                "list of the call's steps so far; [] on a click-to-call whose agent never picked up",
                $"{TriggerPage}, {HangupCode}, {LiveClickToCall}"
            ),
            Of("$call_flow[]", "object, one step: init, IVR, DTMF, Agent, ClickToCall, hangup", HangupCode),
            Of("$call_flow[].type", "\"init\" | \"IVR\" | \"DTMF\" | \"Agent\" | \"ClickToCall\" | \"hangup\"", HangupCode),
            Of("$call_flow[].value", "init: the call_id; DTMF: the digit", HangupCode),
            Of("$call_flow[].time", "epoch seconds: a string on init, a number on later steps", HangupCode),
            Of("$call_flow[].id", "IVR: its id; Agent: the agent's id", HangupCode),
            Of("$call_flow[].name", "IVR: its name; Agent: the agent's name; ClickToCall: the customer's number", HangupCode),
            Of("$call_flow[].dialst", "Agent steps: \"Dialed\" | \"Answered\"", HangupCode),
            Of("$call_flow[].num", "Agent steps: the agent's phone, +91...", HangupCode),
            Of("$call_flow[].extension", "Agent steps: the agent's 13-digit seat", HangupCode),
            Of(
                "$recording_url",
                "an https URL on the hangup of an answered call, and of an inbound missed one (the IVR greeting is recorded), else \"\"",
                $"{TriggerPage}, {LiveClickToCall}, {A}",
                "the URL's host and query are our shape"
            ),
            Of(
                "$call_status",
                "\"answered\" | \"missed\" on the hangup; \"Answered by agent\" | \"Answered by customer\" on a live click-to-call; \"answered\" on other answered triggers",
                $"{TriggerPage}, {LiveClickToCall}, {HangupCode}",
                "live bodies also show \"contacted\" (a voice bot) and \"queued\", which no scenario produces"
            ),
            Of(
                "$outbound_sec",
                "talk seconds of outbound calls on the hangup (\"0\" inbound), \"\" before",
                $"{TriggerPage}, {HangupCode}"
            ),
            Of("$agent_ring_time", "seconds the agent's phone rang, from the answer on", $"{TriggerPage}, {HangupCode}"),
            Of("$billing_circle", "object {operator, circle} of the customer's number", $"{TriggerPage}, {HangupCode}"),
            Of("$billing_circle.operator", "e.g. \"Airtel\"", HangupCode),
            Of("$billing_circle.circle", "e.g. \"Karnataka\"", HangupCode),
            Of("$call_connected", "\"1\" once the call connected, else \"0\"", $"{TriggerPage}, {HangupCode}"),
            Of(
                "$customer_number_with_prefix",
                "the customer's number with country code, no plus (91...)",
                $"{TriggerPage}, {HangupCode}",
                "captured payloads key it \"customer_no_with_prefix \" with a trailing space; the default JSON template does too"
            ),
            Of(
                "$campaign_name",
                "the dialer campaign's name on OBD calls; the literal \"$campaign_name\" on others",
                $"{TriggerPage}, {LiveClickToCall}"
            ),
            Of(
                "$campaign_id",
                "the dialer campaign's id on OBD calls; the literal \"$campaign_id\" on others",
                $"{TriggerPage}, {LiveClickToCall}"
            ),
            Of("$customer_ring_time", "seconds the customer's phone rang (outbound), from the answer on", $"{TriggerPage}, {HangupCode}"),
            Of(
                "$reason_key",
                "\"Call Disconnected By Caller\" | \"Call Disconnected By Callee\" | \"noanswer\" | \"busy\" on the hangup",
                $"{TriggerPage}, {HangupCode}, {A}",
                "busy for a rejected call is our reading"
            ),
            Of(
                "$ref_id",
                "OBD: the campaign's reference UUID; click-to-call: \"\" (reading c2c-ref-id=uuid sends one); inbound \"\"",
                $"{TriggerPage}, {LiveClickToCall}"
            ),
            Of("$custom_identifier", "the CRM's reference on outbound calls, \"\" inbound", TriggerPage),
            Of(
                "$answer_agent_number",
                "the answering agent's phone, +91..., once an agent answered, else \"\"",
                $"{LiveClickToCall}, {A}",
                "offered on \"answered by agent\"; its value is not shown, the agent's phone is our reading"
            ),
            Of(
                "$hangup_cause_key",
                "\"NORMAL_CLEARING\" | \"NO_ANSWER\" | \"USER_BUSY\" on the hangup, else \"\"",
                $"{LiveClickToCall}, {A}",
                "NORMAL_CLEARING and NO_ANSWER are captured; USER_BUSY for a rejected call is the Q.850 cause, not seen in a capture"
            ),
            Of(
                "$hangup_cause_code",
                "\"16\" | \"19\" | \"17\" (Q.850), else \"\"",
                $"{LiveClickToCall}, {A}",
                "17 for a rejected call is the Q.850 code, not seen in a capture"
            ),
            Of(
                "$hangup_cause_description",
                "\"Normal call clearing\" | \"No answer from user (user alerted)\" | \"User busy\", else \"\"",
                $"{LiveClickToCall}, {A}",
                "\"User busy\" is the Q.850 wording, not seen in a capture"
            ),
            Of(
                "$aws_call_recording_identifier",
                "32 hex digits on a recorded hangup, else \"\"",
                $"{LiveClickToCall}, {A}",
                "offered on the hangup; its value's shape is our choice"
            ),
            Of(
                "$broadcast_lead_fields",
                "\"\" on dialer calls (a lead without custom fields); the literal \"$broadcast_lead_fields\" on others",
                $"{LiveClickToCall}, {A}",
                "offered on the hangup; what a lead with fields carries is not shown"
            ),
            Of(
                "$queue_name",
                "\"\" on inbound calls (no queue in the scenarios); the literal \"$queue_name\" on others",
                $"{LiveClickToCall}, {A}",
                "offered on the hangup; which calls it applies to is our reading"
            ),
            Of(
                "$recording_name",
                "<32 hex>.mp3 on a recorded hangup, else \"\"",
                $"{LiveClickToCall}, {A}",
                "offered on the hangup; its value's shape is our choice"
            ),
            Of(
                "$agent_transfer_ring_time",
                "\"\" (no scenario transfers a call)",
                $"{LiveClickToCall}, {A}",
                "offered on the hangup; what a transfer carries is not shown"
            ),
        ]
    );
}
