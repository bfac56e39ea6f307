namespace CallHooks.Conformance.Providers.Acefone;

/// <summary>The documented template variables, in the documented order (PROVIDERS.md section 4).</summary>
internal static class VariableNames
{
    public static readonly IReadOnlyList<string> All =
    [
        "uuid", "call_id", "call_to_number", "caller_id_number", "start_stamp", "answer_stamp", "end_stamp", "hangup_cause",
        "billsec", "digits_dialed", "direction", "duration", "answered_agent", "answered_agent_name", "answered_agent_number",
        "missed_agent", "call_flow", "recording_url", "call_status", "outbound_sec", "agent_ring_time", "billing_circle",
        "call_connected", "customer_number_with_prefix", "campaign_name", "campaign_id", "customer_ring_time", "reason_key",
        "ref_id", "custom_identifier",
    ];

    /// <summary>Variables whose value is an object or a list (a JSON text inside strings and form bodies).</summary>
    public static readonly IReadOnlyList<string> Structured = ["answered_agent", "missed_agent", "call_flow", "billing_circle"];
}
