namespace CallHooks.Conformance.Calls;

/// <summary>The names scenario files use for <see cref="CallType"/> and <see cref="CallOutcome"/>.</summary>
internal static class CallTypeNames
{
    public static readonly IReadOnlyDictionary<string, CallType> Types = new Dictionary<string, CallType>(StringComparer.Ordinal)
    {
        ["incoming"] = CallType.Incoming,
        ["obd"] = CallType.Obd,
        ["click-to-call"] = CallType.ClickToCall,
    };

    public static readonly IReadOnlyDictionary<string, CallOutcome> Outcomes = new Dictionary<string, CallOutcome>(StringComparer.Ordinal)
    {
        ["connected"] = CallOutcome.Connected,
        ["missed"] = CallOutcome.Missed,
        ["voicemail"] = CallOutcome.Voicemail,
        ["no-answer"] = CallOutcome.NoAnswer,
        ["rejected"] = CallOutcome.Rejected,
    };

    public static string Name(CallType type) => Types.First(pair => pair.Value == type).Key;

    public static string Name(CallOutcome outcome) => Outcomes.First(pair => pair.Value == outcome).Key;
}
