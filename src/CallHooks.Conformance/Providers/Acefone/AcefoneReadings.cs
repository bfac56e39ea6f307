using CallHooks.Conformance.Providers.Readings;

namespace CallHooks.Conformance.Providers.Acefone;

/// <summary>
/// What varies between Smartflo tenants or between the sources, each a named choice whose default is what most live
/// bodies show (docs/providers/acefone.md).
/// </summary>
internal static class AcefoneReadings
{
    private const string Live = AcefoneSources.LiveClickToCall;
    private const string Code = AcefoneSources.HangupCode;

    public static readonly Reading Uuid = new(
        "uuid",
        "Do the triggers of one call share one $uuid?",
        [
            new("per-call", "every trigger of a call carries the same uuid", Live),
            new("per-leg", "the uuid changes with the leg a trigger reports on (the agent's, then the customer's)", Code),
        ],
        "per-call",
        "one click-to-call's answered-by-agent and missed-by-customer triggers share their uuid, and public CRM code keys its call row on it"
    );

    public static readonly Reading CallId = new(
        "call-id",
        "Does $call_id carry the node it was handled on?",
        [
            new("node-prefix", "call_id \"h11.08-1768469400.7261694\": a node name, a dash, then <epoch>.<sequence>", Live),
            new("plain", "call_id \"1768469400.7261694\"", Code),
        ],
        "node-prefix",
        "two of the three tenants' live bodies prefix the node"
    );

    public static readonly Reading Numbers = new(
        "numbers",
        "In which shape do $caller_id_number and $call_to_number carry the customer and the DID?",
        [
            new(
                "live",
                "inbound: the DID as +91..., the caller in ten digits; outbound: the customer in ten digits on live triggers, +91... on the hangup",
                Live
            ),
            new(
                "cdr",
                "inbound: the caller as +91..., the DID as 91... digits; outbound: the customer as 91... digits, the DID in ten digits",
                Code
            ),
        ],
        "live",
        "the 2026 live bodies; the other shape is what older hangup payloads in public code show"
    );

    public static readonly Reading Billsec = new(
        "billsec",
        "Does $billsec hold the billed seconds of an answered call?",
        [
            new("seconds", "billsec \"42\": end_stamp - answer_stamp", Code + ", " + Live),
            new("empty", "billsec \"\" on every answered call", Live),
        ],
        "seconds",
        "two of the three tenants fill it; one leaves it empty on every answered call"
    );

    public static readonly Reading ClickToCallRefId = new(
        "c2c-ref-id",
        "What does $ref_id hold on a click-to-call?",
        [
            new("empty", "ref_id \"\": the call was placed without a reference", Live),
            new("uuid", "ref_id a random UUID: the reference the click-to-call was placed with", Live),
        ],
        "empty",
        "the live click-to-calls were placed without one, and ref_id is empty there"
    );

    public static readonly Reading ObdDirection = new(
        "obd-direction",
        "Which $direction does a dialer (OBD) call carry?",
        [new("dialer", "direction \"dialer (outbound)\"", Code), new("outbound", "direction \"outbound\"", AcefoneSources.TriggerPage)],
        "dialer",
        "hangup payloads of dialer campaign calls in public code carry \"dialer (outbound)\"; the help page's filter only names outbound calls"
    );

    public static readonly IReadOnlyList<Reading> All = [Uuid, CallId, Numbers, Billsec, ClickToCallRefId, ObdDirection];
}
