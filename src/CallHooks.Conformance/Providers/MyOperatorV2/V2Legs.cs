using System.Text.Json.Nodes;
using CallHooks.Conformance.Calls;

namespace CallHooks.Conformance.Providers.MyOperatorV2;

/// <summary>
/// The <c>legs</c> of a finished call: one per party dialed, in dial order, each with its documented
/// <c>dial_status</c> (ANSWER, NO ANSWER, BUSY, NO CARRIER, CANCEL). Leg times add up to the call's: rings are
/// consecutive and split the call's ring time, and an answered leg lasts until the call ends.
/// </summary>
internal static class V2Legs
{
    public const string Answer = "ANSWER";
    public const string NoAnswer = "NO ANSWER";
    public const string Busy = "BUSY";
    public const string NoCarrier = "NO CARRIER";
    public const string Cancel = "CANCEL";

    public static JsonArray For(Call call)
    {
        var legs = call.Type switch
        {
            CallType.Incoming => Incoming(call),
            CallType.Obd => Obd(call),
            _ => ClickToCall(call),
        };
        return new JsonArray(legs.Select((leg, index) => (JsonNode?)leg.ToJson(index + 1)).ToArray());
    }

    /// <summary>Seconds the agent's phone rings before the platform dials the customer on a click-to-call.</summary>
    public static int AgentRingSeconds(Call call) => Math.Max(1, call.RingSeconds / 3);

    private static List<Leg> Incoming(Call call)
    {
        if (call.Outcome is CallOutcome.Connected)
            return [Leg.Answered(call.Agents[0], call.Agents[0].Number, call.StartedAt, call.AnsweredAt, call.EndedAt)];

        // Agents are rung one after another. A missed call ends when the caller gives up during the last ring
        // (CANCEL); a voicemail call lets every ring time out (NO ANSWER) before the recorder picks up.
        var legs = new List<Leg>();
        var ringStart = call.StartedAt;
        for (var index = 0; index < call.Agents.Count; index++)
        {
            var last = index == call.Agents.Count - 1;
            var share = last ? (int)(call.EndedAt - ringStart).TotalSeconds : call.RingSeconds / call.Agents.Count;
            var status = last && call.Outcome is CallOutcome.Missed ? Cancel : NoAnswer;
            legs.Add(Leg.Unanswered(call.Agents[index], call.Agents[index].Number, status, ringStart, share));
            ringStart = ringStart.AddSeconds(share);
        }

        return legs;
    }

    private static List<Leg> Obd(Call call) => call.Outcome switch
    {
        CallOutcome.Connected =>
        [
            Leg.Answered(null, call.Customer, call.StartedAt, call.AnsweredAt, call.EndedAt),
            Leg.Answered(call.Agents[0], call.Agents[0].Number, call.AnsweredAt, call.AnsweredAt, call.EndedAt),
        ],
        CallOutcome.Rejected => [Leg.Unanswered(null, call.Customer, Busy, call.StartedAt, call.RingSeconds)],
        _ => [Leg.Unanswered(null, call.Customer, NoAnswer, call.StartedAt, call.RingSeconds)],
    };

    /// <summary>The agent's phone rings first; once the agent picks up, the customer is dialed.</summary>
    private static List<Leg> ClickToCall(Call call)
    {
        var agent = call.Agents[0];
        if (call.Outcome is CallOutcome.Missed or CallOutcome.Voicemail)
            return [Leg.Unanswered(agent, agent.Number, NoAnswer, call.StartedAt, call.RingSeconds)];

        var agentAnswered = call.StartedAt.AddSeconds(AgentRingSeconds(call));
        var customerRing = call.RingSeconds - AgentRingSeconds(call);
        var customer = call.Outcome switch
        {
            CallOutcome.Connected => Leg.Answered(null, call.Customer, agentAnswered, call.AnsweredAt, call.EndedAt),
            CallOutcome.Rejected => Leg.Unanswered(null, call.Customer, Busy, agentAnswered, customerRing),
            _ => Leg.Unanswered(null, call.Customer, NoAnswer, agentAnswered, customerRing),
        };
        return [Leg.Answered(agent, agent.Number, call.StartedAt, agentAnswered, call.EndedAt), customer];
    }

    private sealed record Leg(Agent? Agent, PhoneNumber Number, string DialStatus, DateTimeOffset RingStarted, DateTimeOffset? AnsweredAt, DateTimeOffset EndedAt)
    {
        public static Leg Answered(Agent? agent, PhoneNumber number, DateTimeOffset ringStarted, DateTimeOffset answeredAt, DateTimeOffset endedAt) =>
            new(agent, number, Answer, ringStarted, answeredAt, endedAt);

        public static Leg Unanswered(Agent? agent, PhoneNumber number, string status, DateTimeOffset ringStarted, int ringSeconds) =>
            new(agent, number, status, ringStarted, null, ringStarted.AddSeconds(ringSeconds));

        public JsonObject ToJson(int position) => new()
        {
            ["leg"] = position,
            ["party"] = Agent is null ? "customer" : "agent",
            ["number"] = Number.E164,
            ["agent"] = Agent is null ? null : V2Payloads.AgentJson(Agent),
            ["dial_status"] = DialStatus,
            ["ring_started_at"] = V2Ids.Timestamp(RingStarted),
            ["answered_at"] = AnsweredAt is { } answered ? V2Ids.Timestamp(answered) : null,
            ["ended_at"] = V2Ids.Timestamp(EndedAt),
            ["ring_duration"] = (int)((AnsweredAt ?? EndedAt) - RingStarted).TotalSeconds,
            ["duration"] = AnsweredAt is { } start ? (int)(EndedAt - start).TotalSeconds : 0,
        };
    }
}
