using System.Globalization;
using System.Text.Json.Nodes;
using CallHooks.Conformance.Calls;

namespace CallHooks.Conformance.Providers.MyOperatorInCall;

/// <summary>
/// The In-Call call log for one event, keyed and ordered as in MyOperator's sample payload.
/// Every enum value is a string; <c>status</c> stays null until the call has finished.
/// </summary>
internal static class CallLog
{
    public const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    public static JsonObject For(Call call, string callState, ClidStyle clidStyle)
    {
        var created = call.StartedAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["id"] = call.LogId,
            ["uid"] = Uid(call),
            ["reference_id"] = call.ReferenceId,
            ["company_id"] = call.CompanyId,
            ["clid_raw"] = call.Customer.Digits,
            ["clid"] = clidStyle is ClidStyle.E164 ? call.Customer.E164 : call.Customer.National,
            ["rdnis"] = call.Type is CallType.Incoming ? call.ServiceNumber.National : "unknown",
            ["call_state"] = callState,
            ["event"] = call.IsOutgoing ? "2" : "1",
            ["status"] = callState == CallStates.Finished ? Status(call.Outcome) : null,
            ["users"] = new JsonArray(call.Agents.Select(agent => (JsonNode?)JsonValue.Create(agent.Number.Digits)).ToArray()),
            ["created"] = created,
            ["call_time"] = created,
            ["public_ivr_id"] = call.PublicIvrId,
            ["client_ref_id"] = call.ClientRefId,
            ["job_id"] = null,
        };
    }

    /// <summary><c>&lt;node&gt;.&lt;epoch&gt;.&lt;seq&gt;</c>: the epoch is the call's creation second, as in <c>n2.1596270949.2175190</c>.</summary>
    public static string Uid(Call call) =>
        string.Create(CultureInfo.InvariantCulture, $"{call.Node}.{call.StartedAt.ToUnixTimeSeconds()}.{call.Sequence}");

    /// <summary>The documented <c>status</c>: 1 connected, 2 missed, 3 voicemail. Unanswered and rejected outbound calls are missed.</summary>
    public static string Status(CallOutcome outcome) => outcome switch
    {
        CallOutcome.Connected => "1",
        CallOutcome.Voicemail => "3",
        _ => "2",
    };
}
