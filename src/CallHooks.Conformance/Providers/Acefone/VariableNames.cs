namespace CallHooks.Conformance.Providers.Acefone;

/// <summary>
/// The template variables the profile knows: the help page's list in its order, then those Smartflo's live bodies
/// offer beyond it (the answering agent's number on "answered by agent", the Q.850 hangup cause as key, code and
/// description, recording and queue names, broadcast lead fields, the transfer ring time).
/// </summary>
internal static class VariableNames
{
    public static readonly IReadOnlyList<string> Documented =
    [
        "uuid",
        "call_id",
        "call_to_number",
        "caller_id_number",
        "start_stamp",
        "answer_stamp",
        "end_stamp",
        "hangup_cause",
        "billsec",
        "digits_dialed",
        "direction",
        "duration",
        "answered_agent",
        "answered_agent_name",
        "answered_agent_number",
        "missed_agent",
        "call_flow",
        "recording_url",
        "call_status",
        "outbound_sec",
        "agent_ring_time",
        "billing_circle",
        "call_connected",
        "customer_number_with_prefix",
        "campaign_name",
        "campaign_id",
        "customer_ring_time",
        "reason_key",
        "ref_id",
        "custom_identifier",
    ];

    public static readonly IReadOnlyList<string> Live =
    [
        "answer_agent_number",
        "hangup_cause_key",
        "hangup_cause_code",
        "hangup_cause_description",
        "aws_call_recording_identifier",
        "broadcast_lead_fields",
        "queue_name",
        "recording_name",
        "agent_transfer_ring_time",
    ];

    public static readonly IReadOnlyList<string> All = [.. Documented, .. Live];

    /// <summary>Variables whose value is an object or a list (a JSON text inside strings and form bodies).</summary>
    public static readonly IReadOnlyList<string> Structured = ["answered_agent", "missed_agent", "call_flow", "billing_circle"];

    public static bool IsKnown(string name) => All.Contains(name);
}
