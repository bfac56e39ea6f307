namespace CallHooks.Conformance.Providers.MyOperatorV2;

/// <summary>The readings one configuration selects, resolved once per request into the values they put on the wire.</summary>
internal sealed record V2Choices(string NoAnswer, bool SummaryIsFirst, string DispositionType)
{
    public static readonly V2Choices Default = From(new Dictionary<string, string>());

    public static V2Choices From(IReadOnlyDictionary<string, string> options) =>
        new(
            V2Readings.NoAnswerSpelling.Is(options, "documented") ? "NO ANSWER" : "NOANSWER",
            V2Readings.SummarySequenceNumber.Is(options, "one"),
            V2Readings.DispositionEventType.Selected(options)
        );
}
