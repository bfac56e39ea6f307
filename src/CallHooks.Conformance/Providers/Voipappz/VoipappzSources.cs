using CallHooks.Conformance.Providers.Fields;

namespace CallHooks.Conformance.Providers.Voipappz;

/// <summary>The evidence the voipappz profile cites; docs/providers/voipappz.md describes each.</summary>
internal static class VoipappzSources
{
    public const string FieldList = "voipappz-fields";
    public const string Sample = "voipappz-sample";
    public const string Events = "voipappz-events";

    public static readonly IReadOnlyList<Source> All =
    [
        new(FieldList, SourceKind.Seed, "the \"supported field types\" list of voipappz's webhook page, with a comment per field"),
        new(Sample, SourceKind.Seed, "the sample webhook body on the same page (an incoming call queued and answered)"),
        new(
            Events,
            SourceKind.Seed,
            "the system events and webhook objects on the same page: one object per event, GET or POST, enabled and subscribed per environment"
        ),
    ];
}
