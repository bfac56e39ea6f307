using System.Text.Json.Nodes;

namespace CallHooks.Conformance.Tests.Listener.Acefone;

/// <summary>
/// Hand-written Acefone payloads, shaped after a captured Smartflo click-to-call hangup (IST stamps, string numbers,
/// answered_agent an object, the trailing-space key). Nothing here comes from the core library.
/// </summary>
internal static class AcefoneSamples
{
    public const string Hangup = """
        {"uuid":"69db1da04ac43","call_id":"1775967644.594011","call_to_number":"918287842425","caller_id_number":"9240202904",
         "start_stamp":"2026-04-12 09:50:48","answer_stamp":"2026-04-12 09:50:48","end_stamp":"2026-04-12 09:50:59",
         "hangup_cause":"disconnected_by_callee","billsec":"11","digits_dialed":"","direction":"clicktocall","duration":"11",
         "answered_agent":{"id":"0507297260059","name":"Kapil","dialst":"Answered","number":"0607297260058","agent_number":"+918287842425"},
         "answered_agent_name":"Kapil","answered_agent_number":"0607297260058","missed_agent":"",
         "call_flow":[{"type":"init","value":"1775967644.594011","time":"1775967648"},{"type":"hangup","time":1775967659}],
         "recording_url":"https://cloudphone.example/file/recording?callId=1775967644.594011","call_status":"answered",
         "outbound_sec":"7","agent_ring_time":"4","billing_circle":{"operator":"Reliance Mobile GSM","circle":"Delhi"},
         "call_connected":"1","customer_no_with_prefix ":"918287842425","campaign_name":"$campaign_name","campaign_id":"$campaign_id",
         "customer_ring_time":"4","reason_key":"Call Disconnected By Callee","ref_id":"02b6990a-84d0-4c05-bb69-23d6ce0af2c6",
         "custom_identifier":"a0hc619uq1","hangup_cause_code":"16"}
        """;

    /// <summary>The sample with some fields changed; a JsonNode null removes the key.</summary>
    public static string Changed(Action<JsonObject> change)
    {
        var body = JsonNode.Parse(Hangup)!.AsObject();
        change(body);
        return body.ToJsonString();
    }

    /// <summary>The sample's scalars as form pairs, structured values as JSON text, the way a form template sends them.</summary>
    public static string Form(Action<JsonObject>? change = null)
    {
        var body = JsonNode.Parse(Hangup)!.AsObject();
        change?.Invoke(body);
        return string.Join(
            "&",
            body.Select(pair =>
                Uri.EscapeDataString(pair.Key)
                + "="
                + Uri.EscapeDataString(
                    pair.Value is JsonValue value && value.TryGetValue<string>(out var text) ? text : pair.Value!.ToJsonString()
                )
            )
        );
    }
}
