using System.Globalization;
using System.Text.Json.Nodes;
using CallHooks.Conformance.Calls;

namespace CallHooks.Conformance.Providers.MyOperatorAfterCall;

/// <summary>
/// <c>_ld</c>: one leg per agent the platform dialed, in ring order, each with its agent list <c>_rr</c>. Both are
/// JSON arrays even with a single entry (public parsers that read <c>_ld._rr._na</c> as objects are wrong).
/// Legs split the call's ring time in order; the first agent answers connected calls and talks until the end.
/// </summary>
internal static class AfterCallLegs
{
    public static JsonArray For(Call call)
    {
        var legs = new JsonArray();
        foreach (var (agent, start, end, status) in Plan(call))
        {
            var answered = status == "ANSWER";
            legs.Add(
                new JsonObject
                {
                    ["_rst"] = start.UtcDateTime.ToString(AfterCallLog.UtcTimeFormat, CultureInfo.InvariantCulture),
                    ["_ds"] = status,
                    ["_did"] = call.ServiceNumber.National,
                    ["_rr"] = new JsonArray(
                        new JsonObject
                        {
                            ["_id"] = agent.Id,
                            ["_na"] = agent.Name,
                            ["_em"] = agent.Email,
                            ["_ex"] = agent.Extension,
                            ["_ct"] = agent.Number.National,
                            ["_nr"] = agent.Number.E164,
                        }
                    ),
                    // An empty list in the page's sample; what fills it is not documented.
                    ["_tt"] = new JsonArray(),
                    ["_su"] = answered ? "1" : "2",
                    ["_st"] = start.ToUnixTimeSeconds(),
                    ["_et"] = end.ToUnixTimeSeconds(),
                    ["_dr"] = AfterCallLog.Duration((long)(end - start).TotalSeconds),
                    ["_ac"] = answered ? "received" : "missed",
                }
            );
        }

        return legs;
    }

    /// <summary>
    /// Which agents were dialed, when, and how each leg ended. An OBD call the customer never answered dials no
    /// agent; click to call rings the agent first, who answers, so the customer's refusal shows only in <c>_su</c>.
    /// </summary>
    private static IEnumerable<(Agent Agent, DateTimeOffset Start, DateTimeOffset End, string Status)> Plan(Call call)
    {
        switch (call.Outcome)
        {
            case CallOutcome.Connected:
                yield return (call.Agents[0], call.StartedAt, call.EndedAt, "ANSWER");
                yield break;
            case CallOutcome.NoAnswer or CallOutcome.Rejected when call.Type is CallType.Obd:
                yield break;
            case CallOutcome.NoAnswer or CallOutcome.Rejected:
                yield return (call.Agents[0], call.StartedAt, call.EndedAt, "ANSWER");
                yield break;
        }

        // Missed or voicemail: every agent rings for an equal share of the ring time, none answers; on a missed
        // call the caller hangs up during the last leg, so it ends CANCEL.
        var count = call.Agents.Count;
        for (var index = 0; index < count; index++)
        {
            var start = call.StartedAt.AddSeconds(call.RingSeconds * index / count);
            var end = call.StartedAt.AddSeconds(call.RingSeconds * (index + 1) / count);
            var last = index == count - 1;
            yield return (call.Agents[index], start, end, last && call.Outcome is CallOutcome.Missed ? "CANCEL" : "NOANSWER");
        }
    }
}
