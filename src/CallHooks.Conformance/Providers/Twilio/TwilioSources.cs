using CallHooks.Conformance.Providers.Fields;

namespace CallHooks.Conformance.Providers.Twilio;

/// <summary>The evidence the Twilio profile cites; docs/providers/twilio.md describes each.</summary>
internal static class TwilioSources
{
    public const string StatusCallbacks = "twilio-status-callbacks";
    public const string RequestParameters = "twilio-request-parameters";
    public const string Security = "twilio-security";
    public const string LiveInitiated = "twilio-live-initiated";
    public const string Webhooks = "twilio-webhooks";

    public static readonly IReadOnlyList<Source> All =
    [
        new(
            LiveInitiated,
            SourceKind.LiveCapture,
            "a live initiated status callback of an outbound-api call: the same keys, types and formats as callhooks sends, in another order"
        ),
        new(
            StatusCallbacks,
            SourceKind.VendorDocumentation,
            "Twilio's documentation of voice status callbacks: the events, CallStatus values, CallbackSource, SequenceNumber, Timestamp, CallDuration"
        ),
        new(
            RequestParameters,
            SourceKind.VendorDocumentation,
            "Twilio's documentation of the parameters of every voice webhook request: sids, numbers, direction and the geographic lookups"
        ),
        new(
            Security,
            SourceKind.VendorDocumentation,
            "Twilio's webhook security page: X-Twilio-Signature over the URL and sorted POST parameters, bodySHA256 for JSON bodies"
        ),
        new(
            Webhooks,
            SourceKind.VendorDocumentation,
            "Twilio's webhooks documentation (connection overrides, webhooks FAQ): every webhook carries I-Twilio-Idempotency-Token, the same on its retries, and User-Agent TwilioProxy/1.1"
        ),
    ];
}
