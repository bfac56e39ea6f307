using CallHooks.Conformance.Calls;

namespace CallHooks.Conformance.Providers.Acefone;

/// <summary>
/// When each party rang, answered and hung up, derived from the canonical call so that every stamp and every
/// seconds count a trigger carries agree with each other:
/// inbound: IVR (up to 2 s), then the agents ring until one answers at <see cref="Call.AnsweredAt"/>;
/// dialer: the customer rings and answers at <see cref="Call.AnsweredAt"/>, then a waiting agent is bridged at once;
/// click to call: the agent rings and picks up first, then the customer rings until <see cref="Call.AnsweredAt"/>.
/// </summary>
internal sealed class CallTimeline(Call call)
{
    public Call Call { get; } = call;

    public bool Inbound => Call.Type is CallType.Incoming;

    public bool ClickToCall => Call.Type is CallType.ClickToCall;

    public bool Connected => Call.Outcome is CallOutcome.Connected;

    public DateTimeOffset Start => Call.StartedAt;

    public DateTimeOffset End => Call.EndedAt;

    /// <summary>Seconds the inbound caller spends in the IVR before the agents are dialed.</summary>
    public int IvrSeconds => Inbound ? Math.Min(2, Call.RingSeconds - 1) : 0;

    /// <summary>When the first agent's phone starts ringing.</summary>
    public DateTimeOffset AgentDialedAt =>
        Call.Type switch
        {
            CallType.Incoming => Start.AddSeconds(IvrSeconds),
            CallType.Obd => Call.AnsweredAt,
            _ => Start,
        };

    public int AgentRingSeconds =>
        Call.Type switch
        {
            CallType.Incoming => Call.RingSeconds - IvrSeconds,
            CallType.ClickToCall => AgentMissed ? Call.RingSeconds : Derived.AgentRingSeconds(Call),
            _ => 0,
        };

    /// <summary>True when a click-to-call's agent never picked up (the call is missed on the agent's side).</summary>
    public bool AgentMissed => ClickToCall && Call.Outcome is CallOutcome.Missed or CallOutcome.Voicemail;

    /// <summary>When the agent picked up; null when no agent did. A click-to-call agent picks up first, unless the call was missed.</summary>
    public DateTimeOffset? AgentAnsweredAt =>
        ClickToCall
            ? AgentMissed
                ? null
                : Start.AddSeconds(AgentRingSeconds)
            : Connected
                ? Call.AnsweredAt
                : null;

    /// <summary>Seconds the customer's phone rang on outbound calls (dialer, click to call); 0 inbound.</summary>
    public int CustomerRingSeconds =>
        Call.Type switch
        {
            CallType.Obd => Call.RingSeconds,
            CallType.ClickToCall => AgentMissed ? 0 : Call.RingSeconds - AgentRingSeconds,
            _ => 0,
        };

    /// <summary><c>$answer_stamp</c>: the first answer of the call (on click to call, the agent's).</summary>
    public DateTimeOffset? AnsweredAt =>
        ClickToCall ? AgentAnsweredAt
        : Connected ? Call.AnsweredAt
        : null;

    /// <summary>When leg <paramref name="leg"/> began: leg 0 with the call, leg 1 when its party was dialed.</summary>
    public DateTimeOffset LegStart(int leg) =>
        leg == 0 ? Start
        : ClickToCall ? AgentAnsweredAt ?? Start
        : AgentDialedAt;
}
