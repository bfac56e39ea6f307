namespace CallHooks.Conformance.Providers.Acefone;

/// <summary>
/// The bodies sent when no <c>--template</c> is given; between them they use every known variable once.
/// The JSON one follows the key order of captured Smartflo payloads, including their key with a trailing space,
/// <c>"customer_no_with_prefix "</c>: a listener reading <c>customer_no_with_prefix</c> misses it, as it would in
/// production. Structured variables, and <c>$answered_agent_number</c> (an object on "answered by customer", a string
/// elsewhere, as live bodies show), are written unquoted, so they arrive as JSON values. The variables live bodies offer
/// beyond the help page's list follow. The form one (also the GET query string) uses the variable names as keys.
/// </summary>
internal static class DefaultTemplates
{
    public const string Json =
        "{\"uuid\":\"$uuid\",\"call_id\":\"$call_id\",\"call_to_number\":\"$call_to_number\",\"caller_id_number\":\"$caller_id_number\","
        + "\"start_stamp\":\"$start_stamp\",\"answer_stamp\":\"$answer_stamp\",\"end_stamp\":\"$end_stamp\",\"hangup_cause\":\"$hangup_cause\","
        + "\"billsec\":\"$billsec\",\"digits_dialed\":\"$digits_dialed\",\"direction\":\"$direction\",\"duration\":\"$duration\","
        + "\"answered_agent\":$answered_agent,\"answered_agent_name\":\"$answered_agent_name\",\"answered_agent_number\":$answered_agent_number,"
        + "\"missed_agent\":$missed_agent,\"call_flow\":$call_flow,\"recording_url\":\"$recording_url\",\"call_status\":\"$call_status\","
        + "\"outbound_sec\":\"$outbound_sec\",\"agent_ring_time\":\"$agent_ring_time\",\"billing_circle\":$billing_circle,"
        + "\"call_connected\":\"$call_connected\",\"customer_no_with_prefix \":\"$customer_number_with_prefix\",\"campaign_name\":\"$campaign_name\","
        + "\"campaign_id\":\"$campaign_id\",\"customer_ring_time\":\"$customer_ring_time\",\"reason_key\":\"$reason_key\",\"ref_id\":\"$ref_id\","
        + "\"custom_identifier\":\"$custom_identifier\",\"answer_agent_number\":\"$answer_agent_number\",\"hangup_cause_key\":\"$hangup_cause_key\","
        + "\"hangup_cause_code\":\"$hangup_cause_code\",\"hangup_cause_description\":\"$hangup_cause_description\","
        + "\"aws_call_recording_identifier\":\"$aws_call_recording_identifier\",\"broadcast_lead_fields\":\"$broadcast_lead_fields\","
        + "\"queue_name\":\"$queue_name\",\"recording_name\":\"$recording_name\",\"agent_transfer_ring_time\":\"$agent_transfer_ring_time\"}";

    public static readonly string Form = string.Join('&', VariableNames.All.Select(name => name + "=$" + name));

    public static string For(string encoding) => encoding == "json" ? Json : Form;
}
