using System.Globalization;
using System.Text.Json.Nodes;
using CallHooks.Conformance.Calls;

namespace CallHooks.Conformance.Providers.Acefone;

/// <summary>
/// The value of every variable that applies at one trigger of a call. Values are strings (numbers too, as in real
/// traffic) except the structured ones. What the call has not reached yet is empty: no <c>end_stamp</c> before the
/// hangup, no <c>answer_stamp</c> before an answer. A variable that does not apply to the call at all is left out, so the
/// template sends its literal <c>$name</c>, as live bodies show (<c>"campaign_name": "$campaign_name"</c> on a
/// click-to-call). Click-to-call triggers while the call is live say <c>click_to_call</c> and a phrase for the status
/// (<c>Answered by agent</c>); its hangup says <c>clicktocall</c> and a lowercase status, as live bodies do.
/// </summary>
internal static class CallVariables
{
    public static JsonObject For(Call call, AcefoneTrigger trigger, AcefoneSettings settings)
    {
        var t = new CallTimeline(call);
        var phase = trigger.Phase;
        var ended = phase == CallPhase.Ended;
        var answered = phase >= CallPhase.Answered ? t.AnsweredAt : null;
        var agentAnswered = phase >= CallPhase.Answered && t.AgentAnsweredAt is not null;
        var callId = settings.CallIdWithNode ? Derived.CallIdWithNode(call) : Derived.CallId(call);
        var leg = settings.UuidPerCall ? 0 : Triggers.LegIndex(trigger, call.Type);
        var recorded = ended && (t.Connected || (t.Inbound && call.Outcome is CallOutcome.Missed));
        var cause = ended ? HangupCause.Of(call) : null;
        var agent = call.Agents[0];

        var values = new JsonObject { ["uuid"] = Derived.LegUuid(call, leg, t.LegStart(leg)), ["call_id"] = callId };
        Numbers(values, call, ended, settings);
        values["start_stamp"] = settings.Stamp(t.Start);
        values["answer_stamp"] = answered is { } a ? settings.Stamp(a) : "";
        values["end_stamp"] = ended ? settings.Stamp(t.End) : "";
        values["hangup_cause"] = ended ? HangupCauseWord(call) : "";
        values["billsec"] =
            !ended ? ""
            : answered is { } from
                ? settings.BillsecEmpty ? ""
                    : Seconds(t.End - from)
            : "0";
        values["digits_dialed"] = t.Inbound && phase >= CallPhase.Dtmf ? Derived.Digit(call) : "";
        values["direction"] = Direction(call.Type, settings, ended);
        values["duration"] = ended ? Seconds(t.End - t.Start) : "";
        // "Dialed" on the hangup even when the agent answered, as live bodies show; "Answered" while the call is live.
        values["answered_agent"] = agentAnswered ? AgentObjects.Agent(agent, ended ? "Dialed" : "Answered") : "";
        values["answered_agent_name"] = agentAnswered ? agent.Name : "";
        values["answered_agent_number"] =
            !agentAnswered ? ""
            : t.ClickToCall && trigger.Leg == LegRole.Customer && !ended ? AgentObjects.FollowMe(agent)
            : Derived.AgentSeat(agent);
        values["missed_agent"] =
            ended && !t.Connected && (t.Inbound || t.AgentMissed)
                ? new JsonArray(call.Agents.Select(missed => (JsonNode?)AgentObjects.Agent(missed, "Missed")).ToArray())
                : "";
        values["call_flow"] = AgentObjects.CallFlow(t, phase, callId);
        values["recording_url"] = recorded
            ? $"https://recordings.acefone.example/file/recording?callId={callId}&type=rec&token={Derived.Token(call)}"
            : "";
        values["call_status"] = CallStatus(t, trigger, ended);
        values["outbound_sec"] = ended ? Seconds(TimeSpan.FromSeconds(t.Inbound ? 0 : call.TalkSeconds)) : "";
        values["agent_ring_time"] = phase >= CallPhase.Answered ? Seconds(TimeSpan.FromSeconds(t.AgentRingSeconds)) : "";
        values["billing_circle"] = AgentObjects.BillingCircle(call);
        values["call_connected"] = phase >= CallPhase.Answered && ((t.ClickToCall && !t.AgentMissed) || t.Connected) ? "1" : "0";
        values["customer_number_with_prefix"] = call.Customer.Digits;
        if (call.Type is CallType.Obd)
        {
            // Campaign variables apply to dialer calls only; elsewhere they go out as their literal names.
            var (name, id) = Derived.Campaign(call);
            values["campaign_name"] = name;
            values["campaign_id"] = id;
            values["broadcast_lead_fields"] = "";
        }

        values["customer_ring_time"] = phase >= CallPhase.Answered ? Seconds(TimeSpan.FromSeconds(t.CustomerRingSeconds)) : "";
        values["reason_key"] = ended ? ReasonKey(call) : "";
        values["ref_id"] = call.Type switch
        {
            CallType.ClickToCall => settings.ClickToCallRefIdUuid ? Derived.RandomUuid(call, "ref-id") : "",
            CallType.Obd => call.ReferenceId ?? "",
            _ => "",
        };
        values["custom_identifier"] = t.Inbound ? "" : call.ClientRefId;
        values["answer_agent_number"] = agentAnswered ? agent.Number.E164 : "";
        values["hangup_cause_key"] = cause?.Key ?? "";
        values["hangup_cause_code"] = cause?.Code ?? "";
        values["hangup_cause_description"] = cause?.Description ?? "";
        values["aws_call_recording_identifier"] = recorded ? Derived.RecordingIdentifier(call) : "";
        if (t.Inbound)
            values["queue_name"] = "";
        values["recording_name"] = recorded ? Derived.Token(call) + ".mp3" : "";
        values["agent_transfer_ring_time"] = "";
        return values;
    }

    /// <summary>
    /// The direction words: a click-to-call says <c>click_to_call</c> while it is live and <c>clicktocall</c> on its hangup;
    /// OBD is a dialer campaign call unless the obd-direction reading says outbound.
    /// </summary>
    public static string Direction(CallType type, AcefoneSettings settings, bool ended) =>
        type switch
        {
            CallType.Incoming => "inbound",
            CallType.ClickToCall => ended ? "clicktocall" : "click_to_call",
            _ => settings.ObdDirection,
        };

    /// <summary>
    /// Inbound, the customer calls from caller_id_number to the DID in call_to_number; outbound and click to call swap
    /// them. The shapes follow the numbers reading.
    /// </summary>
    private static void Numbers(JsonObject values, Call call, bool ended, AcefoneSettings settings)
    {
        if (call.Type is CallType.Incoming)
        {
            values["call_to_number"] = settings.LiveNumbers ? call.ServiceNumber.E164 : call.ServiceNumber.Digits;
            values["caller_id_number"] = settings.LiveNumbers ? call.Customer.National : call.Customer.E164;
        }
        else
        {
            values["call_to_number"] =
                !settings.LiveNumbers ? call.Customer.Digits
                : ended ? call.Customer.E164
                : call.Customer.National;
            values["caller_id_number"] = call.ServiceNumber.National;
        }
    }

    /// <summary>
    /// Lowercase <c>answered</c> / <c>missed</c> once the call ended; on a live click-to-call trigger the phrase of the
    /// trigger (<c>Answered by agent</c>, <c>Answered by customer</c>); on other live triggers <c>answered</c> once answered.
    /// </summary>
    private static string CallStatus(CallTimeline t, AcefoneTrigger trigger, bool ended)
    {
        if (ended)
            return t.Connected ? "answered" : "missed";
        if (trigger.Phase != CallPhase.Answered)
            return "";
        if (t.ClickToCall)
            return trigger.Leg == LegRole.Customer ? "Answered by customer" : "Answered by agent";
        return "answered";
    }

    /// <summary>Causes seen in captured traffic; which side hung up a connected call is a seeded coin.</summary>
    private static string HangupCauseWord(Call call) =>
        call.Outcome switch
        {
            CallOutcome.Connected => Derived.CallerHungUp(call) ? "disconnected_by_caller" : "disconnected_by_callee",
            CallOutcome.Rejected => "disconnected_by_callee",
            _ => "NormalClearing",
        };

    /// <summary>Reason keys as captured (<c>noanswer</c>, <c>Call Disconnected By Callee</c>); a rejection reads as busy [inferred].</summary>
    private static string ReasonKey(Call call) =>
        call.Outcome switch
        {
            CallOutcome.Connected => Derived.CallerHungUp(call) ? "Call Disconnected By Caller" : "Call Disconnected By Callee",
            CallOutcome.Rejected => "busy",
            _ => "noanswer",
        };

    private static string Seconds(TimeSpan span) => ((long)span.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
