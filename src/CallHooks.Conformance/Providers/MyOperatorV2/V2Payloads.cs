using System.Text.Json.Nodes;
using CallHooks.Conformance.Calls;

namespace CallHooks.Conformance.Providers.MyOperatorV2;

/// <summary>
/// The event-specific <c>payload</c> objects. MyOperator publishes their full shapes only as Postman collections,
/// so field names here are our reading [inferred]; the documented parts are the status values (bridged, missed,
/// voicemail), the legs' dial statuses, and that the times and durations describe the call itself.
/// </summary>
internal static class V2Payloads
{
    private static readonly string[] Dispositions = ["Interested", "Follow-up", "Not Interested", "Call back later"];

    public static JsonObject For(string eventType, Call call) => eventType switch
    {
        V2EventTypes.Initiated => Initiated(call),
        V2EventTypes.IvrStarted => new JsonObject { ["ivr_id"] = call.PublicIvrId, ["started_at"] = V2Ids.Timestamp(call.StartedAt) },
        V2EventTypes.DialBegin => DialBegin(call),
        V2EventTypes.Answered => Answered(call),
        V2EventTypes.End => Outcome(call),
        V2EventTypes.Summary => Summary(call),
        _ => Disposition(call),
    };

    /// <summary>When the event happens in the call, from the call's own times: an event is never sent before it happened.</summary>
    public static DateTimeOffset HappenedAt(string eventType, Call call) => eventType switch
    {
        V2EventTypes.Initiated or V2EventTypes.IvrStarted => call.StartedAt,
        V2EventTypes.DialBegin => call.Type is CallType.ClickToCall ? call.StartedAt.AddSeconds(V2Legs.AgentRingSeconds(call)) : call.StartedAt,
        V2EventTypes.Answered => call.AnsweredAt,
        _ => call.EndedAt,
    };

    public static string Status(CallOutcome outcome) => outcome switch
    {
        CallOutcome.Connected => "bridged",
        CallOutcome.Voicemail => "voicemail",
        _ => "missed",
    };

    public static JsonObject AgentJson(Agent agent) => new()
    {
        ["id"] = agent.Id,
        ["name"] = agent.Name,
        ["email"] = agent.Email,
        ["extension"] = agent.Extension,
        ["number"] = agent.Number.E164,
    };

    /// <summary>Numbers swap roles by direction: an incoming caller is the customer, an outgoing one is the company's DID.</summary>
    private static JsonObject Initiated(Call call) => new()
    {
        ["call_type"] = call.Type switch { CallType.Incoming => "incoming", CallType.Obd => "obd", _ => "click_to_call" },
        ["caller_number"] = call.IsOutgoing ? call.ServiceNumber.E164 : call.Customer.E164,
        ["called_number"] = call.IsOutgoing ? call.Customer.E164 : call.ServiceNumber.E164,
        ["initiated_by"] = call.Type is CallType.ClickToCall ? AgentJson(call.Agents[0]) : null,
        ["initiated_at"] = V2Ids.Timestamp(call.StartedAt),
        ["reference_id"] = call.ReferenceId,
        ["client_ref_id"] = call.ClientRefId,
    };

    private static JsonObject DialBegin(Call call)
    {
        (string Dialing, IReadOnlyList<Agent> Agents) plan = call.Type switch
        {
            CallType.Incoming => ("agents", call.Agents),
            CallType.Obd => ("customer", []),
            _ => ("customer", [call.Agents[0]]),
        };
        return new JsonObject
        {
            ["dialing"] = plan.Dialing,
            ["agents"] = new JsonArray(plan.Agents.Select(agent => (JsonNode?)AgentJson(agent)).ToArray()),
            ["dial_started_at"] = V2Ids.Timestamp(HappenedAt(V2EventTypes.DialBegin, call)),
        };
    }

    private static JsonObject Answered(Call call) => new()
    {
        ["answered_by"] = call.IsOutgoing ? "customer" : "agent",
        ["agent"] = AgentJson(call.Agents[0]),
        ["answered_at"] = V2Ids.Timestamp(call.AnsweredAt),
    };

    /// <summary>call.end: the outcome, the call's times, and durations that add up (duration = ended_at - started_at).</summary>
    private static JsonObject Outcome(Call call) => new()
    {
        ["status"] = Status(call.Outcome),
        ["started_at"] = V2Ids.Timestamp(call.StartedAt),
        ["answered_at"] = call.Outcome is CallOutcome.Connected ? V2Ids.Timestamp(call.AnsweredAt) : null,
        ["ended_at"] = V2Ids.Timestamp(call.EndedAt),
        ["duration"] = (int)(call.EndedAt - call.StartedAt).TotalSeconds,
        ["ring_duration"] = call.RingSeconds,
        ["talk_duration"] = call.TalkSeconds,
        ["legs"] = V2Legs.For(call),
    };

    /// <summary>call.summary: everything call.end says, plus the recording and the references the CRM passed in.</summary>
    private static JsonObject Summary(Call call)
    {
        var summary = Outcome(call);
        summary["recording_url"] = call.Outcome is CallOutcome.Connected or CallOutcome.Voicemail
            ? "https://app.myoperator.co/audio/" + call.LogId + call.Entropy + ".mp3"
            : null;
        summary["reference_id"] = call.ReferenceId;
        summary["client_ref_id"] = call.ClientRefId;
        return summary;
    }

    private static JsonObject Disposition(Call call) => new()
    {
        ["disposition"] = Dispositions[Convert.ToInt32(call.Entropy[..2], 16) % Dispositions.Length],
        ["remarks"] = "",
        ["agent"] = AgentJson(call.Agents[0]),
    };
}
