using CallHooks.Conformance.Providers.Fields;
using static CallHooks.Conformance.Providers.Fields.FieldRow;
using static CallHooks.Conformance.Providers.Twilio.TwilioSources;

namespace CallHooks.Conformance.Providers.Twilio;

/// <summary>Every parameter and header the Twilio profile sends, with its source (docs/providers/twilio.md shows this table).</summary>
internal static class TwilioFieldTable
{
    private const string Geo = "empty: for Indian numbers Twilio's lookup fills in only the country";

    public static readonly FieldTable Table = FieldTable.Of(
        All,
        [
            Of(
                "header:X-Twilio-Signature",
                "Base64 HMAC-SHA1 of the URL (and the POST parameters sorted by name) with the account's auth token, on every request",
                Security,
                "signed with --secret, or with the documented test token callhooks-test-auth-token when none is given"
            ),
            Of(
                "header:I-Twilio-Idempotency-Token",
                "a token per webhook, the same on its retries",
                $"{Webhooks}, {Source.AssumptionId}",
                "the token's shape is not documented: callhooks sends a UUID, hashed from the seed, one per event of a call"
            ),
            Of("header:User-Agent", "\"TwilioProxy/1.1\"", Webhooks),
            Of("AccountSid", "AC + 32 hex digits", $"{RequestParameters}, {LiveInitiated}"),
            Of("ApiVersion", "\"2010-04-01\"", $"{RequestParameters}, {LiveInitiated}"),
            Of("CallSid", "CA + 32 hex digits, the same on every callback of a call", $"{RequestParameters}, {LiveInitiated}"),
            Of(
                "CallStatus",
                "\"initiated\" | \"ringing\" | \"in-progress\" | \"completed\" | \"busy\" | \"no-answer\"",
                $"{StatusCallbacks}, {LiveInitiated}"
            ),
            Of(
                "Direction",
                "\"inbound\" | \"outbound-api\" (dialer and click-to-call calls are placed through the API)",
                $"{RequestParameters}, {LiveInitiated}"
            ),
            Of("From", "E.164: the caller (inbound), the company's number (outbound)", $"{RequestParameters}, {LiveInitiated}"),
            Of("To", "E.164: the number called", $"{RequestParameters}, {LiveInitiated}"),
            Of("Caller", "E.164, as From", $"{RequestParameters}, {LiveInitiated}"),
            Of("Called", "E.164, as To", $"{RequestParameters}, {LiveInitiated}"),
            Of("CallbackSource", "\"call-progress-events\"", $"{StatusCallbacks}, {LiveInitiated}"),
            Of(
                "SequenceNumber",
                "\"0\", \"1\", ...: the callback's place among the call's callbacks",
                $"{StatusCallbacks}, {LiveInitiated}"
            ),
            Of("Timestamp", "RFC 2822 in UTC, e.g. Thu, 15 Jan 2026 09:30:00 +0000", $"{StatusCallbacks}, {LiveInitiated}"),
            Of("CallDuration", "whole seconds of talk (completed only)", StatusCallbacks),
            Of("FromCity", Geo, $"{RequestParameters}, {LiveInitiated}"),
            Of("FromState", Geo, $"{RequestParameters}, {LiveInitiated}"),
            Of("FromZip", Geo, $"{RequestParameters}, {LiveInitiated}"),
            Of("FromCountry", "\"IN\" for +91 numbers", $"{RequestParameters}, {LiveInitiated}"),
            Of("ToCity", Geo, $"{RequestParameters}, {LiveInitiated}"),
            Of("ToState", Geo, $"{RequestParameters}, {LiveInitiated}"),
            Of("ToZip", Geo, $"{RequestParameters}, {LiveInitiated}"),
            Of("ToCountry", "\"IN\" for +91 numbers", $"{RequestParameters}, {LiveInitiated}"),
            Of("CallerCity", Geo, $"{RequestParameters}, {LiveInitiated}"),
            Of("CallerState", Geo, $"{RequestParameters}, {LiveInitiated}"),
            Of("CallerZip", Geo, $"{RequestParameters}, {LiveInitiated}"),
            Of("CallerCountry", "\"IN\" for +91 numbers", $"{RequestParameters}, {LiveInitiated}"),
            Of("CalledCity", Geo, $"{RequestParameters}, {LiveInitiated}"),
            Of("CalledState", Geo, $"{RequestParameters}, {LiveInitiated}"),
            Of("CalledZip", Geo, $"{RequestParameters}, {LiveInitiated}"),
            Of("CalledCountry", "\"IN\" for +91 numbers", $"{RequestParameters}, {LiveInitiated}"),
            Of(
                "bodySHA256",
                "query parameter of JSON-bodied callbacks: the body's SHA-256 in lowercase hex",
                Security,
                "with --encoding json the parameters travel as a JSON object and the URL carries this hash, which the signature covers"
            ),
        ]
    );
}
