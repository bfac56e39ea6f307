using CallHooks.Conformance.Calls;

namespace CallHooks.Conformance.Providers.Twilio;

/// <summary>
/// The four status callback events Twilio's <c>StatusCallbackEvent</c> subscribes to, and the <c>CallStatus</c>
/// each one reports.
/// <list type="bullet">
/// <item><c>initiated</c>: Twilio starts dialing; real callbacks carry <c>CallStatus=initiated</c> (not a Call
/// resource status, but what Twilio sends: see twilio/twilio-java#321, which lists initiated, ringing,
/// in-progress, completed).</item>
/// <item><c>ringing</c>: <c>CallStatus=ringing</c>.</item>
/// <item><c>answered</c>: <c>CallStatus=in-progress</c> (Twilio has no "answered" status).</item>
/// <item><c>completed</c>: the call's final status, from its outcome: connected and voicemail end
/// <c>completed</c> (someone, or a machine, picked up); missed and no-answer end <c>no-answer</c>; rejected ends
/// <c>busy</c>, because a callee who declines makes the carrier answer SIP 486/603, which Twilio reports as busy
/// (<c>canceled</c> is only for calls the API cancels before they connect; <c>failed</c> for undialable numbers).</item>
/// </list>
/// </summary>
internal static class TwilioEvents
{
    public const string Initiated = "initiated";
    public const string Ringing = "ringing";
    public const string Answered = "answered";
    public const string Completed = "completed";

    public static readonly IReadOnlyList<ProviderEvent> All =
    [
        new(Initiated, "Twilio starts dialing the call (CallStatus initiated)"),
        new(Ringing, "the called party's phone is ringing (CallStatus ringing)"),
        new(Answered, "the call was answered (CallStatus in-progress)"),
        new(Completed, "the call ended (CallStatus completed, busy, no-answer, canceled or failed, with CallDuration)"),
    ];

    public static bool IsKnown(string id) => All.Any(known => known.Id == id);

    public static string CallStatus(string eventId, CallOutcome outcome) =>
        eventId switch
        {
            Initiated => "initiated",
            Ringing => "ringing",
            Answered => "in-progress",
            _ => FinalStatus(outcome),
        };

    public static string FinalStatus(CallOutcome outcome) =>
        outcome switch
        {
            CallOutcome.Connected or CallOutcome.Voicemail => "completed",
            CallOutcome.Rejected => "busy",
            _ => "no-answer",
        };

    /// <summary>
    /// Seconds from the call's start to this event in the generated call: ringing starts at once, the answer
    /// comes after the ring time, the end after the talk time (or when ringing gave up). Added to the scenario's
    /// event time, it keeps Timestamp and CallDuration consistent with each other.
    /// </summary>
    public static int SecondsIntoCall(string eventId, Call call) =>
        eventId switch
        {
            Answered => call.RingSeconds,
            Completed => call.RingSeconds + call.TalkSeconds,
            _ => 0,
        };
}
