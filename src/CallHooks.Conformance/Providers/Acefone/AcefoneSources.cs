using CallHooks.Conformance.Providers.Fields;

namespace CallHooks.Conformance.Providers.Acefone;

/// <summary>The evidence the Acefone / Smartflo profile cites; docs/providers/acefone.md describes each.</summary>
internal static class AcefoneSources
{
    public const string TriggerPage = "acefone-trigger-page";
    public const string LiveClickToCall = "smartflo-live-c2c";
    public const string HangupCode = "smartflo-hangup-code";

    public static readonly IReadOnlyList<Source> All =
    [
        new(
            LiveClickToCall,
            SourceKind.LiveCapture,
            "live click-to-call bodies of three Smartflo tenants (2026): the answered-by-agent, answered-by-customer, missed-by-customer and hangup triggers of the same calls"
        ),
        new(
            TriggerPage,
            SourceKind.Seed,
            "Acefone's trigger webhook help page: the triggers, GET or POST, form or JSON, custom headers, the $variables a template may use, the time zone filter"
        ),
        new(
            HangupCode,
            SourceKind.PublicCode,
            "public CRM code that ingests Smartflo hangup webhooks, with the payloads it was written against: value shapes, call_id and uuid, numbers by direction, retries"
        ),
    ];
}
