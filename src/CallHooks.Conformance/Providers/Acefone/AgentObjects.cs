using System.Globalization;
using System.Text.Json.Nodes;
using CallHooks.Conformance.Calls;

namespace CallHooks.Conformance.Providers.Acefone;

/// <summary>
/// The structured variables, shaped as captured Smartflo payloads show them: <c>answered_agent</c> an object
/// (<c>id</c>, <c>name</c>, <c>dialst</c>, <c>number</c> = the agent's seat, <c>agent_number</c> = their phone),
/// <c>missed_agent</c> a list of such objects or <c>""</c>, <c>call_flow</c> the steps so far, <c>billing_circle</c>
/// the customer's operator and circle.
/// </summary>
internal static class AgentObjects
{
    public static JsonObject Agent(Agent agent, string dialStatus) =>
        new()
        {
            ["id"] = Derived.AgentId(agent),
            ["name"] = agent.Name,
            ["dialst"] = dialStatus,
            ["number"] = Derived.AgentSeat(agent),
            ["agent_number"] = agent.Number.E164,
        };

    /// <summary>
    /// <c>answered_agent_number</c> on Smartflo's "answered by customer" trigger: an object naming the agent and the
    /// follow-me number the call reached them on (the agent's phone), not the seat string of the hangup.
    /// </summary>
    public static JsonObject FollowMe(Agent agent) =>
        new()
        {
            ["follow_me_number"] = agent.Number.E164,
            ["id"] = Derived.AgentId(agent),
            ["name"] = agent.Name,
        };

    public static JsonObject BillingCircle(Call call)
    {
        var (op, circle) = Derived.BillingCircle(call);
        return new JsonObject { ["operator"] = op, ["circle"] = circle };
    }

    /// <summary>The call flow up to <paramref name="phase"/>. As in real traffic, <c>init</c>'s time is a string, later ones numbers.</summary>
    public static JsonArray CallFlow(CallTimeline timeline, CallPhase phase, string callId)
    {
        var call = timeline.Call;
        // A click-to-call whose agent never picked up has an empty flow in live bodies.
        if (timeline.AgentMissed)
            return new JsonArray();
        var flow = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "init",
                ["value"] = callId,
                ["time"] = Epoch(timeline.Start).ToString(CultureInfo.InvariantCulture),
            },
        };
        if (timeline.Inbound && phase >= CallPhase.Ivr)
            flow.Add(
                new JsonObject
                {
                    ["type"] = "IVR",
                    ["id"] = call.PublicIvrId,
                    ["name"] = "Main IVR",
                    ["time"] = Epoch(timeline.Start),
                }
            );
        if (timeline.Inbound && phase >= CallPhase.Dtmf)
            flow.Add(
                new JsonObject
                {
                    ["type"] = "DTMF",
                    ["value"] = Derived.Digit(call),
                    ["time"] = Epoch(timeline.AgentDialedAt),
                }
            );

        // Agents are dialed after the IVR (inbound), first (click to call), or once the customer answered (dialer).
        var agentsDialed =
            phase >= CallPhase.Dialing && (call.Type is not CallType.Obd || (timeline.Connected && phase >= CallPhase.Answered));
        if (agentsDialed)
        {
            var rung = call.Type is CallType.Incoming ? call.Agents : call.Agents.Take(1);
            foreach (var agent in rung)
                flow.Add(Step(agent, "Dialed", timeline.AgentDialedAt));
        }

        if (phase >= CallPhase.Answered && timeline.AgentAnsweredAt is { } agentAnswered)
            flow.Add(Step(call.Agents[0], "Answered", agentAnswered));
        if (timeline.ClickToCall && phase >= CallPhase.Answered)
            flow.Add(
                new JsonObject
                {
                    ["type"] = "ClickToCall",
                    ["name"] = call.Customer.Digits,
                    ["time"] = Epoch(timeline.AgentAnsweredAt!.Value),
                }
            );
        if (phase >= CallPhase.Ended)
            flow.Add(new JsonObject { ["type"] = "hangup", ["time"] = Epoch(timeline.End) });
        return flow;
    }

    private static JsonObject Step(Agent agent, string dialStatus, DateTimeOffset time) =>
        new()
        {
            ["type"] = "Agent",
            ["id"] = Derived.AgentId(agent),
            ["name"] = agent.Name,
            ["dialst"] = dialStatus,
            ["num"] = agent.Number.E164,
            ["extension"] = Derived.AgentSeat(agent),
            ["time"] = Epoch(time),
        };

    private static long Epoch(DateTimeOffset time) => time.ToUnixTimeSeconds();
}
