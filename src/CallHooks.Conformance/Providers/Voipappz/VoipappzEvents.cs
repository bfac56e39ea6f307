namespace CallHooks.Conformance.Providers.Voipappz;

/// <summary>
/// The system events a voipappz webhook object can be attached to (one event per webhook object). The payload
/// itself does not name its event: a listener tells them apart by the URL each webhook object posts to, or by
/// the fields (answer_at, cause and the billing fields fill in as the call progresses).
/// </summary>
internal static class VoipappzEvents
{
    public const string Ringing = "Call:Ringing";
    public const string Answer = "Call:Answer";
    public const string Hangup = "Call:Hangup";
    public const string Reporting = "Call:Reporting";
    public const string IvrStart = "Ivr:Start";
    public const string IvrEnd = "Ivr:End";

    public static readonly IReadOnlyList<ProviderEvent> All =
    [
        new(Ringing, "the call is ringing"),
        new(Answer, "the call has been answered"),
        new(Hangup, "the call has ended"),
        new(Reporting, "the system has collected everything needed for billing and reporting (final record)"),
        new(IvrStart, "an IVR starts"),
        new(IvrEnd, "an IVR ends"),
    ];

    public static bool IsKnown(string id) => All.Any(known => known.Id == id);
}
