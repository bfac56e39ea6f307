using System.Text.Json.Nodes;
using CallHooks.Conformance.Calls;
using CallHooks.Conformance.Providers.MyOperatorAfterCall;

namespace CallHooks.Conformance.Providers.MyOperatorV2;

/// <summary>
/// The event-specific <c>payload</c> objects. call.end and call.summary follow the vendor's call.summary sample and an
/// integrator's notes on bodies from their own account (docs/providers/myoperator-v2.md); call.end is the same record
/// without the per-leg agent and department and without comments, which call.summary adds. What the live events
/// (initiated, ivr_started, dial_begin, answered) and disposition carry is published only in Postman collections that
/// no public source quotes: their payloads are our assumption, built from the same field names as call.summary so that
/// a listener reading one reads them all.
/// </summary>
internal static class V2Payloads
{
    private static readonly string[] Dispositions = ["Interested", "Follow-up", "Not Interested", "Call back later"];

    public static JsonObject For(string eventType, Call call, V2Choices choices) =>
        eventType switch
        {
            V2EventTypes.Initiated => With(Core(call), ("ref_id", RefId(call)), ("client_ref_id", ClientRefId(call))),
            V2EventTypes.IvrStarted => With(Core(call), ("ivr_id", call.PublicIvrId)),
            V2EventTypes.DialBegin => With(Core(call), Dialed(call)),
            V2EventTypes.Answered => With(Core(call), Answering(call)),
            V2EventTypes.End => Record(call, choices, summary: false),
            V2EventTypes.Summary => Record(call, choices, summary: true),
            _ => Disposition(call),
        };

    /// <summary>When the event happens in the call, from the call's own times: an event is never sent before it happened.</summary>
    public static DateTimeOffset HappenedAt(string eventType, Call call) =>
        eventType switch
        {
            V2EventTypes.Initiated or V2EventTypes.IvrStarted => call.StartedAt,
            V2EventTypes.DialBegin => call.Type is CallType.ClickToCall
                ? call.StartedAt.AddSeconds(V2Legs.AgentRingSeconds(call))
                : call.StartedAt,
            V2EventTypes.Answered => call.AnsweredAt,
            _ => call.EndedAt,
        };

    public static string Status(CallOutcome outcome) =>
        outcome switch
        {
            CallOutcome.Connected => "bridged",
            CallOutcome.Voicemail => "voicemail",
            _ => "missed",
        };

    /// <summary>MyOperator places click-to-calls through its OBD API, so both are category <c>obd</c>.</summary>
    public static string Category(Call call) => call.Type is CallType.Incoming ? "incoming" : "obd";

    /// <summary>call.end and call.summary: the whole call, in the sample's key order.</summary>
    private static JsonObject Record(Call call, V2Choices choices, bool summary)
    {
        var recorded = call.Outcome is CallOutcome.Connected or CallOutcome.Voicemail;
        var record = new JsonObject
        {
            ["id"] = V2Ids.SessionId(call),
            ["direction"] = Direction(call),
            ["customer_number"] = call.Customer.E164,
            ["status"] = Status(call.Outcome),
            ["started_at"] = V2Ids.PayloadTime(call.StartedAt),
            ["ended_at"] = V2Ids.PayloadTime(call.EndedAt),
            ["category"] = Category(call),
            ["location"] = AfterCallLog.Circle(call) + ", IN",
            ["duration"] = (int)(call.EndedAt - call.StartedAt).TotalSeconds,
            // The platform's recording name, as its call-log API gives it; empty when nothing was recorded, as there.
            ["recording_filename"] = recorded ? call.LogId + call.Entropy + "-v2.mp3" : "",
            ["obd_campaign"] =
                call.Type is CallType.Obd
                    ? new JsonObject { ["id"] = V2Ids.HexId(call, "v2-campaign"), ["job_id"] = V2Ids.HexId(call, "v2-campaign-job") }
                    : null,
            ["legs"] = V2Legs.For(call, choices, withPeople: summary),
            ["billable"] = call.Outcome is CallOutcome.Connected,
        };
        if (summary)
            record["comments"] = new JsonArray();
        record["ref_id"] = RefId(call);
        record["client_ref_id"] = ClientRefId(call);
        record["did"] = call.ServiceNumber.E164;
        return record;
    }

    /// <summary>What every live event says about the call so far, named as in call.summary.</summary>
    private static JsonObject Core(Call call) =>
        new()
        {
            ["id"] = V2Ids.SessionId(call),
            ["direction"] = Direction(call),
            ["customer_number"] = call.Customer.E164,
            ["category"] = Category(call),
            ["did"] = call.ServiceNumber.E164,
            ["started_at"] = V2Ids.PayloadTime(call.StartedAt),
        };

    /// <summary>call.dial_begin: the party now being dialed (the first agent inbound, the customer outbound).</summary>
    private static (string, JsonNode?)[] Dialed(Call call)
    {
        var agent = call.Type is CallType.Incoming ? V2Legs.RingOrder(call)[0] : null;
        return
        [
            ("phone_number", agent?.Number.E164 ?? call.Customer.E164),
            ("agent", agent is null ? null : V2People.Agent(agent)),
            ("dial_started_at", V2Ids.PayloadTime(HappenedAt(V2EventTypes.DialBegin, call))),
        ];
    }

    /// <summary>call.answered: who answered (the agent inbound, the customer outbound) and when.</summary>
    private static (string, JsonNode?)[] Answering(Call call) =>
        [
            ("phone_number", call.IsOutgoing ? call.Customer.E164 : call.Agents[0].Number.E164),
            ("agent", V2People.Agent(call.Agents[0])),
            ("answered_at", V2Ids.PayloadTime(call.AnsweredAt)),
        ];

    private static JsonObject Disposition(Call call) =>
        With(
            Core(call),
            ("disposition", Dispositions[Convert.ToInt32(call.Entropy[..2], 16) % Dispositions.Length]),
            ("remarks", ""),
            ("agent", V2People.Agent(call.Agents[0]))
        );

    private static string Direction(Call call) => call.IsOutgoing ? "outgoing" : "incoming";

    /// <summary>MyOperator's own reference of an outbound call; empty on incoming calls, as account bodies show.</summary>
    private static string RefId(Call call) => call.IsOutgoing ? V2Ids.RefId(call) : "";

    /// <summary>The reference the CRM passed when it placed the call; empty on incoming calls.</summary>
    private static string ClientRefId(Call call) => call.IsOutgoing ? call.ClientRefId : "";

    private static JsonObject With(JsonObject payload, params (string Name, JsonNode? Value)[] fields)
    {
        foreach (var (name, value) in fields)
            payload[name] = value;
        return payload;
    }
}
