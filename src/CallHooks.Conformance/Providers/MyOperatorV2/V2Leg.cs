using System.Text.Json.Nodes;
using CallHooks.Conformance.Calls;

namespace CallHooks.Conformance.Providers.MyOperatorV2;

/// <summary>
/// One entry of <c>payload.legs</c>: a party, how their leg ended, and its times. <c>result</c> is <c>connected</c> for an
/// incoming customer leg (reached the platform), <c>answered</c> or <c>not_answered</c> for a dialed party, as account
/// bodies show; a listener that wants "did the customer pick up" reads <c>answered</c>, never <c>connected</c>.
/// </summary>
/// <param name="Agent">The agent of an agent leg; null for the customer's.</param>
/// <param name="DialStatus">ANSWER, BUSY, NOANSWER (or its documented spelling), CANCEL; empty for an incoming customer leg, which was not dialed.</param>
/// <param name="AnsweredAt">When the party answered; null when they did not (and on an incoming customer leg).</param>
/// <param name="TalkSeconds">Seconds talking; null when the party did not answer.</param>
/// <param name="RingSeconds">Seconds the party's phone rang; null on an incoming customer leg, which never rang.</param>
internal sealed record V2Leg(
    Agent? Agent,
    PhoneNumber Number,
    string Result,
    string DialStatus,
    DateTimeOffset StartedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset EndedAt,
    int? TalkSeconds,
    int? RingSeconds
)
{
    public const string Answer = "ANSWER";
    public const string Busy = "BUSY";
    public const string Cancel = "CANCEL";

    /// <summary>The caller of an incoming call: on the platform from the first second to the last.</summary>
    public static V2Leg CustomerConnected(Call call) =>
        new(
            null,
            call.Customer,
            "connected",
            "",
            call.StartedAt,
            null,
            call.EndedAt,
            (int)(call.EndedAt - call.StartedAt).TotalSeconds,
            null
        );

    public static V2Leg Answered(
        Agent? agent,
        PhoneNumber number,
        DateTimeOffset ringStarted,
        DateTimeOffset answeredAt,
        DateTimeOffset endedAt
    ) =>
        new(
            agent,
            number,
            "answered",
            Answer,
            ringStarted,
            answeredAt,
            endedAt,
            (int)(endedAt - answeredAt).TotalSeconds,
            (int)(answeredAt - ringStarted).TotalSeconds
        );

    public static V2Leg NotAnswered(Agent? agent, PhoneNumber number, string dialStatus, DateTimeOffset ringStarted, int ringSeconds) =>
        new(agent, number, "not_answered", dialStatus, ringStarted, null, ringStarted.AddSeconds(ringSeconds), null, ringSeconds);

    /// <summary>
    /// The leg in the documented key order. call.end legs carry no <c>agent</c> and <c>department</c>: per the account
    /// notes, that per-leg metadata is what call.summary adds (<paramref name="withPeople"/>).
    /// </summary>
    public JsonObject ToJson(int legIndex, Call call, bool withPeople)
    {
        var leg = new JsonObject
        {
            ["leg_index"] = legIndex,
            ["type"] = Agent is null ? "customer" : "agent",
            ["result"] = Result,
            ["dial_status"] = DialStatus,
            ["phone_number"] = Number.E164,
            ["talk_duration"] = TalkSeconds,
            ["ring_duration"] = RingSeconds,
            ["started_at"] = V2Ids.PayloadTime(StartedAt),
            ["ended_at"] = V2Ids.PayloadTime(EndedAt),
            ["answered_at"] = AnsweredAt is { } answered ? V2Ids.PayloadTime(answered) : null,
            ["pickup_device"] = Agent is not null && AnsweredAt is not null ? "phone" : null,
        };
        if (withPeople)
        {
            leg["agent"] = Agent is null ? null : V2People.Agent(Agent);
            leg["department"] = Agent is null ? null : V2People.Department(call);
        }

        return leg;
    }
}
