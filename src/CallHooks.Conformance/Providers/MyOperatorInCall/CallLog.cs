using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CallHooks.Conformance.Calls;

namespace CallHooks.Conformance.Providers.MyOperatorInCall;

/// <summary>
/// The In-Call call log for one event, keyed and ordered as in MyOperator's sample payload.
/// Every enum value is a string; <c>status</c> stays null until the call has finished.
/// The fields are listed once, in <see cref="Fields"/>; a scenario that overrides fields edits the log as a
/// <see cref="JsonObject"/>, and every other request has it written straight to bytes (a load run builds
/// tens of thousands a second).
/// </summary>
internal static class CallLog
{
    public const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    // Field names encoded once: every In-Call delivery writes all sixteen.
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText UidName = JsonEncodedText.Encode("uid");
    private static readonly JsonEncodedText ReferenceIdName = JsonEncodedText.Encode("reference_id");
    private static readonly JsonEncodedText CompanyIdName = JsonEncodedText.Encode("company_id");
    private static readonly JsonEncodedText ClidRawName = JsonEncodedText.Encode("clid_raw");
    private static readonly JsonEncodedText ClidName = JsonEncodedText.Encode("clid");
    private static readonly JsonEncodedText RdnisName = JsonEncodedText.Encode("rdnis");
    public static readonly JsonEncodedText CallStateName = JsonEncodedText.Encode("call_state");
    private static readonly JsonEncodedText EventName = JsonEncodedText.Encode("event");
    public static readonly JsonEncodedText StatusName = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText UsersName = JsonEncodedText.Encode("users");
    private static readonly JsonEncodedText CreatedName = JsonEncodedText.Encode("created");
    private static readonly JsonEncodedText CallTimeName = JsonEncodedText.Encode("call_time");
    private static readonly JsonEncodedText PublicIvrIdName = JsonEncodedText.Encode("public_ivr_id");
    private static readonly JsonEncodedText ClientRefIdName = JsonEncodedText.Encode("client_ref_id");
    private static readonly JsonEncodedText JobIdName = JsonEncodedText.Encode("job_id");

    public static CallLogField[] Fields(Call call, string callState, ClidStyle clidStyle)
    {
        var created = Created(call);
        var users = new string[call.Agents.Count];
        for (var index = 0; index < users.Length; index++)
            users[index] = call.Agents[index].Number.Digits;
        return
        [
            new(IdName, call.LogId),
            new(UidName, Uid(call)),
            new(ReferenceIdName, call.ReferenceId),
            new(CompanyIdName, call.CompanyId),
            new(ClidRawName, call.Customer.Digits),
            new(ClidName, clidStyle is ClidStyle.E164 ? call.Customer.E164 : call.Customer.National),
            new(RdnisName, call.Type is CallType.Incoming ? call.ServiceNumber.National : "unknown"),
            new(CallStateName, callState),
            new(EventName, call.IsOutgoing ? "2" : "1"),
            new(StatusName, StatusAt(call, callState)),
            new(UsersName, null, users),
            new(CreatedName, created),
            new(CallTimeName, created),
            new(PublicIvrIdName, call.PublicIvrId),
            new(ClientRefIdName, call.ClientRefId),
            new(JobIdName, null),
        ];
    }

    public static JsonObject For(Call call, string callState, ClidStyle clidStyle)
    {
        var log = new JsonObject();
        foreach (var field in Fields(call, callState, clidStyle))
            log[field.Name.Value] = field.Items is { } items
                ? new JsonArray(items.Select(item => (JsonNode?)JsonValue.Create(item)).ToArray())
                : field.Text;
        return log;
    }

    /// <summary>A field's value: its list of strings, its text, or null.</summary>
    public static void WriteValue(Utf8JsonWriter json, CallLogField field)
    {
        if (field.Items is { } items)
        {
            json.WriteStartArray();
            foreach (var item in items)
                json.WriteStringValue(item);
            json.WriteEndArray();
        }
        else if (field.Text is { } text)
        {
            json.WriteStringValue(text);
        }
        else
        {
            json.WriteNullValue();
        }
    }

    /// <summary>
    /// The creation time in <see cref="TimeFormat"/>, through the sortable format's fast path ("s" is the same digits
    /// with a T between date and time).
    /// </summary>
    public static string Created(Call call)
    {
        Span<char> text = stackalloc char[19];
        call.StartedAt.UtcDateTime.TryFormat(text, out _, "s", CultureInfo.InvariantCulture);
        text[10] = ' ';
        return new string(text);
    }

    /// <summary><c>&lt;node&gt;.&lt;epoch&gt;.&lt;seq&gt;</c>: the epoch is the call's creation second, as in <c>n2.1596270949.2175190</c>.</summary>
    public static string Uid(Call call) =>
        string.Create(CultureInfo.InvariantCulture, $"{call.Node}.{call.StartedAt.ToUnixTimeSeconds()}.{call.Sequence}");

    /// <summary>The <c>status</c> field at a call state: the outcome once the call has finished, null before.</summary>
    public static string? StatusAt(Call call, string callState) => callState == CallStates.Finished ? Status(call.Outcome) : null;

    /// <summary>The documented <c>status</c>: 1 connected, 2 missed, 3 voicemail. Unanswered and rejected outbound calls are missed.</summary>
    public static string Status(CallOutcome outcome) =>
        outcome switch
        {
            CallOutcome.Connected => "1",
            CallOutcome.Voicemail => "3",
            _ => "2",
        };
}
