using CallHooks.Conformance.Providers.Fields;
using static CallHooks.Conformance.Providers.Fields.FieldRow;
using static CallHooks.Conformance.Providers.MyOperatorInCall.InCallSources;

namespace CallHooks.Conformance.Providers.MyOperatorInCall;

/// <summary>
/// Every field the v1 In-Call profile sends, with its source (docs/providers/myoperator-incall.md shows this table). GET
/// webhooks carry only the query parameters the user mapped (callhooks list shows the mappable fields), none of these.
/// </summary>
internal static class InCallFieldTable
{
    private const string A = Source.AssumptionId;

    public static readonly IReadOnlyList<FieldRow> Rows =
    [
        Of(
            "myoperator",
            "the call log: JSON text in the form field myoperator (POST form), or the object under myoperator (POST JSON)",
            $"{PhpSample}, {Overview}"
        ),
        Of("myoperator.id", "16 hex digits: the log's id", $"{FieldList}, {Sample}"),
        Of(
            "myoperator.uid",
            "<node>.<epoch>.<sequence>, e.g. n2.1596270949.2175190; the same on every event of a call",
            $"{FieldList}, {Sample}"
        ),
        Of("myoperator.reference_id", "a time-based UUID on OBD calls, else null", $"{FieldList}, {Sample}"),
        Of("myoperator.company_id", "16 hex digits", $"{FieldList}, {Sample}"),
        Of("myoperator.clid_raw", "the caller with country code, no plus (919711636496)", FieldList),
        Of(
            "myoperator.clid",
            "the caller: national ten digits (9711636496)",
            $"{Sample}, {FieldList}",
            "the field table describes E.164 (reading clid=e164 sends +919711636496)"
        ),
        Of("myoperator.rdnis", "the DID in national digits on incoming calls; \"unknown\" on outgoing ones", FieldList),
        Of(
            "myoperator.call_state",
            "\"1\" incoming on server | \"2\" finished | \"3\" click-to-call initiated | \"4\" first party no answer | \"5\" dialing users | \"6\" user answered | \"7\" client rejected | \"9\" no user picked",
            $"{FieldList}, {Sample}"
        ),
        Of("myoperator.event", "\"1\" incoming | \"2\" outgoing", $"{FieldList}, {Sample}"),
        Of(
            "myoperator.status",
            "null until the call finished, then \"1\" connected | \"2\" missed | \"3\" voicemail",
            $"{FieldList}, {Sample}"
        ),
        Of(
            "myoperator.users",
            "list of the agents' numbers with country code, no plus",
            $"{Sample}, {FieldList}",
            "the field table calls it comma-separated agent ids; the sample's list of numbers is sent"
        ),
        Of("myoperator.users[]", "an agent's number with country code, no plus", Sample),
        Of("myoperator.created", "YYYY-MM-DD HH:MM:SS in UTC: the uid's epoch", $"{FieldList}, {Sample}"),
        Of("myoperator.call_time", "YYYY-MM-DD HH:MM:SS in UTC, as created", $"{FieldList}, {Sample}"),
        Of("myoperator.public_ivr_id", "16 hex digits", $"{FieldList}, {Sample}"),
        Of(
            "myoperator.client_ref_id",
            "the CRM's opaque reference (\"crm-\" and 10 characters)",
            $"{FieldList}, {A}",
            "documented as echoed back when the client set one; sent on every call"
        ),
        Of("myoperator.job_id", "null", $"{FieldList}, {Sample}"),
    ];

    public static readonly FieldTable Table = FieldTable.Of(All, Rows);
}
