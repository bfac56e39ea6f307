using System.Text.Json.Nodes;
using CallHooks.Conformance.Calls;

namespace CallHooks.Conformance.Providers.MyOperatorV2;

/// <summary>
/// <c>payload.legs</c> of call.end and call.summary: one leg per party, numbered from 1 in the order they joined, as
/// the vendor's sample and account bodies show them. An incoming call's first leg is the customer's, <c>connected</c>
/// (the call reached the platform) with no answer time and the whole call as its talk time; then one leg per agent
/// tried: the busy ones, those who let it ring, and the one who answered. A dialer (OBD) call dials the customer first
/// and bridges an agent once they answer; a click-to-call rings the agent first, then the customer. Rings follow one
/// another and split the call's ring time, so every leg's times agree with the call's.
/// </summary>
internal static class V2Legs
{
    public static JsonArray For(Call call, V2Choices choices, bool withPeople)
    {
        var legs = call.Type switch
        {
            CallType.Incoming => Incoming(call, choices),
            CallType.Obd => Obd(call, choices),
            _ => ClickToCall(call, choices),
        };
        var array = new JsonArray();
        for (var index = 0; index < legs.Count; index++)
            array.Add(legs[index].ToJson(index + 1, call, withPeople));
        return array;
    }

    /// <summary>Seconds a click-to-call agent's phone rings before they pick up and the customer is dialed.</summary>
    public static int AgentRingSeconds(Call call) => Math.Max(1, call.RingSeconds / 3);

    /// <summary>The agents in ring order: the busy ones first, then those of the scenario (the answering agent among them first).</summary>
    public static IReadOnlyList<Agent> RingOrder(Call call) => [.. call.BusyAgents, .. call.Agents];

    private static List<V2Leg> Incoming(Call call, V2Choices choices)
    {
        var legs = new List<V2Leg> { V2Leg.CustomerConnected(call) };
        var rung = RingOrder(call);
        // A connected call stops ringing at the answering agent, the first of Agents; the others are never rung.
        var count = call.Outcome is CallOutcome.Connected ? call.BusyAgents.Count + 1 : rung.Count;
        var ringStart = call.StartedAt;
        for (var index = 0; index < count; index++)
        {
            var agent = rung[index];
            var last = index == count - 1;
            var share = last ? (int)(call.AnsweredAt - ringStart).TotalSeconds : call.RingSeconds / count;
            if (last && call.Outcome is CallOutcome.Connected)
            {
                legs.Add(V2Leg.Answered(agent, agent.Number, ringStart, call.AnsweredAt, call.EndedAt));
                break;
            }

            // A busy agent rejects the ring; a missed call ends when the caller gives up during the last ring (CANCEL);
            // a voicemail call lets every ring time out before the recorder picks up.
            var status =
                index < call.BusyAgents.Count ? V2Leg.Busy
                : last && call.Outcome is CallOutcome.Missed ? V2Leg.Cancel
                : choices.NoAnswer;
            legs.Add(V2Leg.NotAnswered(agent, agent.Number, status, ringStart, share));
            ringStart = ringStart.AddSeconds(share);
        }

        return legs;
    }

    private static List<V2Leg> Obd(Call call, V2Choices choices) =>
        call.Outcome switch
        {
            CallOutcome.Connected =>
            [
                V2Leg.Answered(null, call.Customer, call.StartedAt, call.AnsweredAt, call.EndedAt),
                V2Leg.Answered(call.Agents[0], call.Agents[0].Number, call.AnsweredAt, call.AnsweredAt, call.EndedAt),
            ],
            CallOutcome.Rejected => [V2Leg.NotAnswered(null, call.Customer, V2Leg.Busy, call.StartedAt, call.RingSeconds)],
            _ => [V2Leg.NotAnswered(null, call.Customer, choices.NoAnswer, call.StartedAt, call.RingSeconds)],
        };

    private static List<V2Leg> ClickToCall(Call call, V2Choices choices)
    {
        var agent = call.Agents[0];
        if (call.Outcome is CallOutcome.Missed or CallOutcome.Voicemail)
            return [V2Leg.NotAnswered(agent, agent.Number, choices.NoAnswer, call.StartedAt, call.RingSeconds)];

        var agentAnswered = call.StartedAt.AddSeconds(AgentRingSeconds(call));
        var customerRing = call.RingSeconds - AgentRingSeconds(call);
        var customer = call.Outcome switch
        {
            CallOutcome.Connected => V2Leg.Answered(null, call.Customer, agentAnswered, call.AnsweredAt, call.EndedAt),
            CallOutcome.Rejected => V2Leg.NotAnswered(null, call.Customer, V2Leg.Busy, agentAnswered, customerRing),
            _ => V2Leg.NotAnswered(null, call.Customer, choices.NoAnswer, agentAnswered, customerRing),
        };
        return [V2Leg.Answered(agent, agent.Number, call.StartedAt, agentAnswered, call.EndedAt), customer];
    }
}
