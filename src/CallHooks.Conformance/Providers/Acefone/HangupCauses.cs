using CallHooks.Conformance.Calls;

namespace CallHooks.Conformance.Providers.Acefone;

/// <summary>
/// The Q.850-style cause the hangup trigger offers as <c>$hangup_cause_key</c>, <c>$hangup_cause_code</c> and
/// <c>$hangup_cause_description</c>. Live bodies show NORMAL_CLEARING (16), NO_ANSWER (19) and UNSPECIFIED (0); a
/// rejected call is USER_BUSY (17), the Q.850 cause for it, which no capture shows.
/// </summary>
internal sealed record HangupCause(string Key, string Code, string Description)
{
    public static readonly HangupCause NormalClearing = new("NORMAL_CLEARING", "16", "Normal call clearing");
    public static readonly HangupCause NoAnswer = new("NO_ANSWER", "19", "No answer from user (user alerted)");
    public static readonly HangupCause UserBusy = new("USER_BUSY", "17", "User busy");
    public static readonly HangupCause Unspecified = new("UNSPECIFIED", "0", "Unspecified");

    public static HangupCause Of(Call call) =>
        call.Outcome switch
        {
            CallOutcome.Connected => NormalClearing,
            CallOutcome.Rejected => UserBusy,
            CallOutcome.Missed or CallOutcome.NoAnswer or CallOutcome.Voicemail => NoAnswer,
            _ => Unspecified,
        };
}
