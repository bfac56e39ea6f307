using System.Globalization;
using System.Text.Json.Nodes;
using CallHooks.Conformance.Calls;

namespace CallHooks.Conformance.Providers.Acefone;

/// <summary>
/// The value of every documented variable at one trigger of a call. Values are strings (numbers too, as in real
/// traffic) except the four structured ones. What the call has not reached yet is empty: no <c>end_stamp</c> before
/// the hangup, no <c>answer_stamp</c> before an answer. Numbers swap roles by direction: inbound, the customer is
/// <c>caller_id_number</c> and the DID <c>call_to_number</c>; outbound and click to call, the other way round.
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
        var callId = Derived.CallId(call);
        var leg = Triggers.LegIndex(trigger, call.Type);
        var outbound = !t.Inbound;
        var campaign = call.Type is CallType.Obd ? Derived.Campaign(call) : ("", "");

        return new JsonObject
        {
            ["uuid"] = Derived.LegUuid(call, leg, t.LegStart(leg)),
            ["call_id"] = callId,
            ["call_to_number"] = outbound ? call.Customer.Digits : call.ServiceNumber.Digits,
            ["caller_id_number"] = outbound ? call.ServiceNumber.National : call.Customer.E164,
            ["start_stamp"] = settings.Stamp(t.Start),
            ["answer_stamp"] = answered is { } a ? settings.Stamp(a) : "",
            ["end_stamp"] = ended ? settings.Stamp(t.End) : "",
            ["hangup_cause"] = ended ? HangupCause(call) : "",
            ["billsec"] = ended ? Seconds(answered is { } from ? t.End - from : TimeSpan.Zero) : "",
            ["digits_dialed"] = t.Inbound && phase >= CallPhase.Dtmf ? Derived.Digit(call) : "",
            ["direction"] = Direction(call.Type, settings),
            ["duration"] = ended ? Seconds(t.End - t.Start) : "",
            ["answered_agent"] = agentAnswered ? AgentObjects.Agent(call.Agents[0], "Answered") : "",
            ["answered_agent_name"] = agentAnswered ? call.Agents[0].Name : "",
            ["answered_agent_number"] = agentAnswered ? Derived.AgentSeat(call.Agents[0]) : "",
            ["missed_agent"] = ended && t.Inbound && !t.Connected
                ? new JsonArray(call.Agents.Select(agent => (JsonNode?)AgentObjects.Agent(agent, "Missed")).ToArray())
                : "",
            ["call_flow"] = AgentObjects.CallFlow(t, phase, callId),
            ["recording_url"] = ended && t.Connected
                ? $"https://recordings.acefone.example/file/recording?callId={callId}&type=rec&token={Derived.Token(call)}"
                : "",
            ["call_status"] = ended ? (t.Connected ? "answered" : "missed") : phase == CallPhase.Answered ? "answered" : "",
            ["outbound_sec"] = ended ? Seconds(TimeSpan.FromSeconds(outbound ? call.TalkSeconds : 0)) : "",
            ["agent_ring_time"] = phase >= CallPhase.Answered ? Seconds(TimeSpan.FromSeconds(t.AgentRingSeconds)) : "",
            ["billing_circle"] = AgentObjects.BillingCircle(call),
            ["call_connected"] = phase >= CallPhase.Answered && (t.ClickToCall || t.Connected) ? "1" : "0",
            ["customer_number_with_prefix"] = call.Customer.Digits,
            ["campaign_name"] = campaign.Item1,
            ["campaign_id"] = campaign.Item2,
            ["customer_ring_time"] = phase >= CallPhase.Answered ? Seconds(TimeSpan.FromSeconds(t.CustomerRingSeconds)) : "",
            ["reason_key"] = ended ? ReasonKey(call) : "",
            ["ref_id"] = call.Type switch
            {
                CallType.ClickToCall => Derived.RandomUuid(call, "ref-id"),
                CallType.Obd => call.ReferenceId ?? "",
                _ => "",
            },
            ["custom_identifier"] = outbound ? call.ClientRefId : "",
        };
    }

    /// <summary>The documented direction words; OBD is a dialer campaign call unless <c>--option obd-direction=outbound</c>.</summary>
    public static string Direction(CallType type, AcefoneSettings settings) => type switch
    {
        CallType.Incoming => "inbound",
        CallType.ClickToCall => "clicktocall",
        _ => settings.ObdDirection,
    };

    /// <summary>Causes seen in captured traffic; which side hung up a connected call is a seeded coin.</summary>
    private static string HangupCause(Call call) => call.Outcome switch
    {
        CallOutcome.Connected => Derived.CallerHungUp(call) ? "disconnected_by_caller" : "disconnected_by_callee",
        CallOutcome.Rejected => "disconnected_by_callee",
        _ => "NormalClearing",
    };

    /// <summary>Reason keys as captured (<c>noanswer</c>, <c>Call Disconnected By Callee</c>); a rejection reads as busy [inferred].</summary>
    private static string ReasonKey(Call call) => call.Outcome switch
    {
        CallOutcome.Connected => Derived.CallerHungUp(call) ? "Call Disconnected By Caller" : "Call Disconnected By Callee",
        CallOutcome.Rejected => "busy",
        _ => "noanswer",
    };

    private static string Seconds(TimeSpan span) => ((long)span.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
