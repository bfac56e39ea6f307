using CallHooks.Conformance.Providers.Readings;

namespace CallHooks.Conformance.Providers.MyOperatorV2;

/// <summary>Where MyOperator's v2 sources disagree about bytes a listener reads, each a named choice (docs/providers/myoperator-v2.md).</summary>
internal static class V2Readings
{
    public const string NoAnswer = "no-answer";
    public const string SummarySequence = "summary-sequence";
    public const string DispositionType = "disposition-type";

    public static readonly Reading NoAnswerSpelling = new(
        NoAnswer,
        "How is an unanswered leg's dial_status spelled?",
        [
            new("account", "dial_status \"NOANSWER\"", V2Sources.AccountNotes + ", " + V2Sources.LogsApi),
            new("documented", "dial_status \"NO ANSWER\" (with a space)", V2Sources.PayloadPage),
        ],
        "account",
        "bodies from a live account and the same platform's call-log API both spell it NOANSWER; the documentation table's spelling is not seen in traffic"
    );

    public static readonly Reading SummarySequenceNumber = new(
        SummarySequence,
        "Which event_sequence does call.summary carry?",
        [
            new("one", "call.summary carries event_sequence 1, whatever came before it", V2Sources.Sample),
            new("next", "call.summary carries the next number after the call's live events", V2Sources.PayloadPage),
        ],
        "one",
        "the vendor's call.summary sample carries 1; the documentation only says the number orders events inside a session, and a listener that "
            + "sorts a call's events by it must cope with the sample's numbering"
    );

    public static readonly Reading DispositionEventType = new(
        DispositionType,
        "Which event_type does a disposition carry?",
        [
            new("call.disposition", "event_type \"call.disposition\"", V2Sources.PayloadPage),
            new("disposition", "event_type \"disposition\"", V2Sources.AccountNotes),
        ],
        "call.disposition",
        "the vendor's payload-structure page names it call.disposition twice; the integrator's notes list it as disposition without a captured body"
    );

    public static readonly IReadOnlyList<Reading> All = [NoAnswerSpelling, SummarySequenceNumber, DispositionEventType];
}
