using CallHooks.Conformance.Providers.Fields;
using static CallHooks.Conformance.Providers.Fields.FieldRow;
using static CallHooks.Conformance.Providers.Voipappz.VoipappzSources;

namespace CallHooks.Conformance.Providers.Voipappz;

/// <summary>Every field the voipappz profile sends, with its source (docs/providers/voipappz.md shows this table).</summary>
internal static class VoipappzFieldTable
{
    private const string A = Source.AssumptionId;

    public static readonly FieldTable Table = FieldTable.Of(
        All,
        [
            Of("direction", "\"incoming\" | \"outgoing\"", $"{FieldList}, {Sample}"),
            Of("uuid", "a UUID (version 4 shape), the same on every event of a call", $"{FieldList}, {Sample}"),
            Of(
                "type",
                "\"did_to_que\" (incoming) | \"ext_to_out\" (click-to-call) | \"api_to_out\" (dialer)",
                $"{Sample}, {A}",
                "only did_to_que is shown; the outbound types follow its source_to_target pattern"
            ),
            Of("created_at", "ISO-8601 in UTC with milliseconds and +00:00, e.g. 2024-12-02T21:04:40.701+00:00", $"{FieldList}, {Sample}"),
            Of("contact_number", "the customer's number with country code, no plus", $"{FieldList}, {Sample}"),
            Of(
                "caller_id_number",
                "the calling number with country code, no plus: the customer inbound, the DID outbound",
                $"{FieldList}, {Sample}"
            ),
            Of("duration", "integer seconds so far: the ring until the answer, ring and talk once ended", $"{FieldList}, {Sample}"),
            Of("ring_duration", "integer seconds of ringing, 0 before the answer", $"{FieldList}, {Sample}"),
            Of(
                "destination",
                "the dialed number with its trunk zero, as a string",
                $"{FieldList}, {Sample}, {A}",
                "the sample writes it as an unquoted number with a leading zero, which is not JSON (reading destination)"
            ),
            Of("start_at", "HH:MM:SS, the environment's local time (IST by default, --option zone)", $"{FieldList}, {Sample}"),
            Of("answer_at", "HH:MM:SS once answered, else null", $"{FieldList}, {Sample}"),
            Of("environment_name", "\"ENV\" and 4 letters or digits", $"{FieldList}, {Sample}"),
            Of(
                "user_fullname",
                "the agent's name once answered (on click-to-call, the agent who placed it), else null",
                $"{FieldList}, {Sample}"
            ),
            Of("user_name", "the agent's user name, else \"\"", $"{FieldList}, {Sample}"),
            Of("extension_username", "the agent's extension, else null", $"{FieldList}, {Sample}"),
            Of("cause", "\"answer\" | \"busy\" | \"no_answer\" once known, else null", $"{FieldList}, {Sample}"),
            Of(
                "sip_status",
                "\"180\" ringing, \"200\" answered, final \"200\" | \"486\" | \"480\"; a string",
                $"{FieldList}, {Sample}, {A}",
                "the SIP codes of a busy and an unanswered end are ours"
            ),
            Of(
                "recording_url",
                "an https URL once an answered call ended, else null",
                $"{FieldList}, {A}",
                "the host and path are our shape"
            ),
            Of("duration_time", "HH:MM:SS of duration", $"{FieldList}, {Sample}"),
            Of(
                "billing_duration",
                "integer billed seconds on Call:Reporting, else null",
                $"{FieldList}, {Sample}",
                "the field list says seconds, the sample's value reads as an epoch (reading billing=sample)"
            ),
            Of("billing_duration_time", "HH:MM:SS of billing_duration on Call:Reporting, else null", $"{FieldList}, {Sample}"),
            Of("did_number", "the DID with country code, no plus", $"{FieldList}, {Sample}"),
            Of("did_name", "the DID's name: its number", $"{FieldList}, {Sample}"),
            Of(
                "queue_disposition",
                "\"answer\" | \"timeout\" | \"abandoned\" for queued incoming calls from the answer on, else null",
                $"{FieldList}, {Sample}"
            ),
            Of("ivr_name", "\"Main IVR\" on the IVR events, else null", $"{FieldList}, {A}", "the name is ours"),
            Of("call_state", "null: the sample's is null and no value is documented", $"{FieldList}, {Sample}"),
            Of("queue_name", "\"Que\" and a digit on incoming calls, else null", $"{FieldList}, {Sample}"),
        ]
    );
}
