using CallHooks.Conformance.Providers.Fields;

namespace CallHooks.Conformance.Providers.MyOperatorV2;

/// <summary>The evidence the v2 profile cites; docs/providers/myoperator-v2.md describes each.</summary>
internal static class V2Sources
{
    public const string PayloadPage = "v2-payload-page";
    public const string SetupPage = "v2-setup-page";
    public const string Sample = "v2-summary-sample";
    public const string AccountNotes = "v2-account-notes";
    public const string LogsApi = "logs-api";
    public const string V1Uid = "v1-incall-page";
    public const string CallingWebhooksPage = "calling-webhooks-page";

    public static readonly IReadOnlyList<Source> All =
    [
        new(
            Sample,
            SourceKind.VendorSample,
            "MyOperator's call.summary example: an incoming bridged call with a busy agent leg, then the agent who answered"
        ),
        new(
            AccountNotes,
            SourceKind.LiveCapture,
            "an integrator's public notes on call.end and call.summary bodies captured from their own account (outbound OBD calls, 2026)"
        ),
        new(
            PayloadPage,
            SourceKind.VendorDocumentation,
            "MyOperator's help page on the payload structure of every Webhook v2 event: the 12-field envelope, the event types, the status and dial_status tables"
        ),
        new(
            SetupPage,
            SourceKind.VendorDocumentation,
            "MyOperator's help page on setting up Webhook v2: HTTPS, POST JSON, auth none, Basic or API key, custom headers, retries"
        ),
        new(
            LogsApi,
            SourceKind.VendorDocumentation,
            "MyOperator's call-log search API, the same platform's records: dial status NOANSWER, recording file names, empty values for missed calls"
        ),
        new(
            CallingWebhooksPage,
            SourceKind.VendorDocumentation,
            "MyOperator's help page on Calling Webhooks: After Call, In-Call and Disposition events, dispositions such as Interested and Follow-up"
        ),
        new(
            V1Uid,
            SourceKind.Seed,
            "MyOperator's v1 In-Call webhook page: the uid shape <node>.<epoch>.<sequence> that v2's session_id shares"
        ),
    ];
}
