using CallHooks.Conformance.Providers.Fields;
using static CallHooks.Conformance.Providers.Fields.FieldRow;
using static CallHooks.Conformance.Providers.MyOperatorV2.V2Sources;

namespace CallHooks.Conformance.Providers.MyOperatorV2;

/// <summary>Every field the v2 profile sends, with its source (docs/providers/myoperator-v2.md shows this table).</summary>
internal static class V2FieldTable
{
    private const string A = Source.AssumptionId;
    private const string LiveEvent =
        "Live events (call.initiated, ivr_started, dial_begin, answered) and dispositions have no published payload: "
        + "this field is our assumption, named as in call.summary.";

    public static readonly FieldTable Table = FieldTable.Of(
        All,
        [
            Of(
                "event_id",
                "string, a UUID; unique per event, the same on every retry of it",
                $"{PayloadPage}, {A}",
                "the page gives its meaning (deduplicate on it); its UUID shape is our choice"
            ),
            Of("company_id", "string, 16 hex digits", $"{PayloadPage}, {AccountNotes}"),
            Of(
                "event_type",
                "call.initiated | call.ivr_started | call.dial_begin | call.answered | call.end | call.summary | call.disposition",
                PayloadPage,
                "a disposition's type is a reading (disposition-type): call.disposition, or disposition as integrators' notes write it"
            ),
            Of(
                "event_sequence",
                "integer from 1, in the call's order; absent on dispositions",
                $"{PayloadPage}, {Sample}",
                "call.summary carries 1, as the vendor's sample does (reading summary-sequence=next numbers it after the live events)"
            ),
            Of("event_version", "integer 1", PayloadPage),
            Of(
                "timestamp",
                "string, ISO-8601 in UTC with milliseconds and Z, e.g. 2026-04-14T05:29:28.838Z: when the event was sent",
                $"{PayloadPage}, {Sample}"
            ),
            Of("channel", "\"call\"", $"{PayloadPage}, {Sample}"),
            Of("direction", "\"incoming\" | \"outgoing\"", $"{PayloadPage}, {Sample}"),
            Of(
                "session_id",
                "string <node>.<epoch>.<n>, e.g. 15.1776144484.2922; the same on every event of a call",
                $"{Sample}, {AccountNotes}, {V1Uid}",
                "callhooks sends the call's v1 uid, which has the same shape, so a CRM running v1 beside v2 can join them"
            ),
            Of(
                "system_identifier",
                "string, the DID in E.164; null on call.summary",
                $"{PayloadPage}, {A}",
                "the page says DID; the E.164 form is our choice"
            ),
            Of("customer_identifier", "string, E.164", $"{PayloadPage}, {Sample}"),
            Of("payload", "object, its fields depend on event_type", PayloadPage),
            Of("payload.id", "string, equal to session_id", $"{Sample}, {AccountNotes}"),
            Of("payload.direction", "\"incoming\" | \"outgoing\"", Sample),
            Of("payload.customer_number", "string, E.164", $"{Sample}, {AccountNotes}"),
            Of("payload.status", "\"bridged\" | \"missed\" | \"voicemail\" (call.end, call.summary)", $"{Sample}, {PayloadPage}"),
            Of(
                "payload.started_at",
                "string, ISO-8601 in UTC to the second with +00:00, e.g. 2026-04-14T05:28:04+00:00",
                Sample,
                "also on live events and dispositions, as our assumption"
            ),
            Of("payload.ended_at", "string, ISO-8601 with +00:00 (call.end, call.summary)", Sample),
            Of(
                "payload.category",
                "\"incoming\" | \"obd\"; the page also lists oneway, callback, webcall, otp",
                $"{Sample}, {AccountNotes}, {A}",
                "click-to-calls carry obd: MyOperator places them through its OBD API; no capture of one shows its category"
            ),
            Of(
                "payload.location",
                "string \"<circle>, IN\", e.g. \"KO, IN\"",
                $"{Sample}, {A}",
                "the circle codes are those of v1's After-Call log"
            ),
            Of(
                "payload.duration",
                "integer seconds from started_at to ended_at: ring and pickup included, so longer than talk time",
                $"{Sample}, {AccountNotes}"
            ),
            Of(
                "payload.recording_filename",
                "string <hex>-v2.mp3 on recorded calls (bridged, voicemail); \"\" otherwise",
                $"{Sample}, {AccountNotes}, {LogsApi}, {A}",
                "a file name, not a URL (the recording-link API takes it); empty on unrecorded calls as the call-log API shows, the webhook's own value there is not shown"
            ),
            Of("payload.obd_campaign", "null, or {id, job_id} on OBD campaign calls", $"{Sample}, {AccountNotes}"),
            Of(
                "payload.obd_campaign.id",
                "string, 16 hex digits",
                $"{AccountNotes}, {A}",
                "the key is captured; its value's shape is our choice"
            ),
            Of(
                "payload.obd_campaign.job_id",
                "string, 16 hex digits",
                $"{AccountNotes}, {A}",
                "the key is captured; its value's shape is our choice"
            ),
            Of(
                "payload.legs",
                "array, one leg per party in the order they joined; never empty (call.end, call.summary)",
                $"{Sample}, {AccountNotes}"
            ),
            Of("payload.legs[]", "object", Sample),
            Of("payload.legs[].leg_index", "integer from 1", Sample),
            Of("payload.legs[].type", "\"customer\" | \"agent\"", Sample),
            Of(
                "payload.legs[].result",
                "\"connected\" (an incoming customer leg) | \"answered\" | \"not_answered\"",
                $"{Sample}, {AccountNotes}",
                "an incoming customer leg is connected with no answer time; a listener that wants a real pickup reads answered"
            ),
            Of(
                "payload.legs[].dial_status",
                "\"ANSWER\" | \"BUSY\" | \"NOANSWER\" | \"CANCEL\" | \"\" (an incoming customer leg, never dialed)",
                $"{AccountNotes}, {LogsApi}, {PayloadPage}",
                "NOANSWER as account bodies and the call-log API spell it (reading no-answer=documented sends \"NO ANSWER\"); CANCEL for a caller who hung up during the ring"
            ),
            Of("payload.legs[].phone_number", "string, E.164", Sample),
            Of(
                "payload.legs[].talk_duration",
                "integer seconds, or null when not answered; an incoming customer leg's spans the call",
                $"{Sample}, {AccountNotes}"
            ),
            Of(
                "payload.legs[].ring_duration",
                "integer seconds, or null on an incoming customer leg",
                $"{Sample}, {AccountNotes}, {A}",
                "null on the incoming customer leg, which never rang, is our choice"
            ),
            Of(
                "payload.legs[].started_at",
                "string, ISO-8601 with +00:00",
                $"{AccountNotes}, {A}",
                "rings follow one another and split the call's ring time: our timeline"
            ),
            Of(
                "payload.legs[].ended_at",
                "string, ISO-8601 with +00:00",
                $"{AccountNotes}, {A}",
                "rings follow one another and split the call's ring time: our timeline"
            ),
            Of("payload.legs[].answered_at", "string, ISO-8601 with +00:00, or null when not answered", $"{Sample}, {AccountNotes}"),
            Of(
                "payload.legs[].pickup_device",
                "\"phone\" on answered agent legs; null elsewhere",
                $"{AccountNotes}, {A}",
                "the notes give phone as an example; other devices are not generated, and null where nobody picked up is our choice"
            ),
            Of(
                "payload.legs[].agent",
                "object, or null on a customer leg (call.summary only)",
                $"{Sample}, {AccountNotes}",
                "call.end carries no per-leg agent: call.summary adds it"
            ),
            Of(
                "payload.legs[].agent.uuid",
                "string, 32 hex digits",
                $"{AccountNotes}, {A}",
                "the key is documented; its value's shape is our choice"
            ),
            Of("payload.legs[].agent.name", "string", Sample),
            Of("payload.legs[].agent.email", "string", AccountNotes),
            Of(
                "payload.legs[].agent.contact",
                "string, the agent's number without the country code",
                $"{AccountNotes}, {A}",
                "MyOperator's user records keep a contact number without the country code; that the webhook does too is our reading"
            ),
            Of("payload.legs[].agent.extension", "string, e.g. \"10\"", Sample),
            Of("payload.legs[].department", "object {id, name}, or null on a customer leg (call.summary only)", AccountNotes),
            Of(
                "payload.legs[].department.id",
                "string, 16 hex digits",
                $"{AccountNotes}, {A}",
                "the key is documented; its value's shape is our choice"
            ),
            Of("payload.legs[].department.name", "string, \"Support\"", $"{AccountNotes}, {A}", "one department name for every call"),
            Of(
                "payload.billable",
                "boolean: true on bridged calls",
                $"{Sample}, {AccountNotes}, {A}",
                "the sample's bridged call carries true; false on unbridged calls is our reading"
            ),
            Of("payload.comments", "array, empty (call.summary only)", $"{Sample}, {AccountNotes}"),
            Of("payload.ref_id", "string: MyOperator's own time-based UUID on outgoing calls, \"\" on incoming ones", AccountNotes),
            Of("payload.client_ref_id", "string: the reference the CRM placed the call with, \"\" on incoming calls", AccountNotes),
            Of("payload.did", "string, the DID in E.164", $"{AccountNotes}, {A}", "the key is captured; the E.164 form is our choice"),
            Of("payload.phone_number", "string, E.164: the number dialed (call.dial_begin) or that answered (call.answered)", A, LiveEvent),
            Of("payload.agent", "object {uuid, name, email, contact, extension}, or null when a customer is dialed", A, LiveEvent),
            Of("payload.agent.uuid", "string, 32 hex digits", A, LiveEvent),
            Of("payload.agent.name", "string", A, LiveEvent),
            Of("payload.agent.email", "string", A, LiveEvent),
            Of("payload.agent.contact", "string, the agent's number without the country code", A, LiveEvent),
            Of("payload.agent.extension", "string", A, LiveEvent),
            Of("payload.dial_started_at", "string, ISO-8601 with +00:00 (call.dial_begin)", A, LiveEvent),
            Of("payload.answered_at", "string, ISO-8601 with +00:00 (call.answered)", A, LiveEvent),
            Of("payload.ivr_id", "string, 16 hex digits: the IVR's public id, as v1's public_ivr_id (call.ivr_started)", A, LiveEvent),
            Of(
                "payload.disposition",
                "\"Interested\" | \"Follow-up\" | \"Not Interested\" | \"Call back later\"",
                $"{CallingWebhooksPage}, {A}",
                LiveEvent
            ),
            Of("payload.remarks", "string, empty", A, LiveEvent),
        ]
    );
}
