namespace CallHooks.Conformance.Providers.MyOperatorV2;

/// <summary>
/// The call event types of MyOperator Webhooks v2 (the 2025 JSON webhooks). Scenario files name events by these
/// strings, which are also the envelope's <c>event_type</c>.
/// </summary>
internal static class V2EventTypes
{
    public const string Initiated = "call.initiated";
    public const string IvrStarted = "call.ivr_started";
    public const string DialBegin = "call.dial_begin";
    public const string Answered = "call.answered";
    public const string End = "call.end";
    public const string Summary = "call.summary";
    public const string Disposition = "disposition";

    public static readonly IReadOnlyList<ProviderEvent> All =
    [
        new(Initiated, "the call reached the platform (incoming) or was placed (OBD, click to call)"),
        new(IvrStarted, "the caller entered the IVR"),
        new(DialBegin, "dialing began: agents for incoming calls, the customer for outbound ones"),
        new(Answered, "the call was answered"),
        new(End, "the call ended; payload.status is bridged, missed or voicemail"),
        new(Summary, "the final record of the call with every leg; system_identifier is null"),
        new(
            Disposition,
            "an agent saved a disposition for the call; carries no event_sequence (event_type per the disposition-type reading)"
        ),
    ];

    /// <summary>The events whose payload carries the call's outcome and legs.</summary>
    public static bool IsFinal(string eventType) => eventType is End or Summary;
}
