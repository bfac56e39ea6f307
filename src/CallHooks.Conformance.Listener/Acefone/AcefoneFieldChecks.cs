using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CallHooks.Conformance.Listener.Acefone;

/// <summary>
/// Format checks for the Acefone variables a request carries under their own names. Templates are the user's,
/// so absent keys and unknown keys pass; a value left as <c>$name</c> passes too (Acefone leaves variables it has
/// no value for unreplaced). Every scalar arrives as a string in real traffic, numbers included.
/// </summary>
internal static partial class AcefoneFieldChecks
{
    public const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>A click-to-call says click_to_call on its live triggers and clicktocall on its hangup, as live Smartflo bodies show.</summary>
    public static readonly string[] Directions =
    [
        "inbound",
        "outbound",
        "clicktocall",
        "click_to_call",
        "dialer (inbound)",
        "dialer (outbound)",
    ];

    /// <summary>Lowercase on the hangup (contacted: a voice bot took the call); a phrase on a live click-to-call trigger.</summary>
    public static readonly string[] Statuses =
    [
        "",
        "answered",
        "missed",
        "contacted",
        "queued",
        "Answered by agent",
        "Answered by customer",
    ];

    /// <summary>The customer's number with country code, under the variable's name and the keys captured payloads use.</summary>
    public static readonly string[] CustomerKeys = ["customer_number_with_prefix", "customer_no_with_prefix", "customer_no_with_prefix "];

    private static readonly string[] Seconds = ["billsec", "duration", "outbound_sec", "agent_ring_time", "customer_ring_time"];

    /// <summary>Checks each recognized scalar; returns the values that passed, by key, for the cross-field checks.</summary>
    public static Dictionary<string, string> Scalars(AcefonePayload payload, List<string> problems)
    {
        var valid = new Dictionary<string, string>(StringComparer.Ordinal);
        Check(
            payload,
            "uuid",
            v => UuidPattern().IsMatch(v) ? null : "must be 13 lowercase hex digits (a uniqid such as 69d75426f0a9f)",
            valid,
            problems
        );
        Check(
            payload,
            "call_id",
            v =>
                CallIdPattern().IsMatch(v)
                    ? null
                    : "must be <epoch>.<sequence>, optionally after the node and a dash, e.g. 1775719461.306731 or h11.08-1775719461.306731",
            valid,
            problems
        );
        foreach (var key in new[] { "call_to_number", "caller_id_number" })
            Check(
                payload,
                key,
                v => NumberPattern().IsMatch(v) ? null : "must be a phone number: 8 to 15 digits, optionally after a +",
                valid,
                problems
            );
        foreach (var key in CustomerKeys)
            Check(
                payload,
                key,
                v => DigitsPattern().IsMatch(v) ? null : "must be 8 to 15 digits, country code first, no plus",
                valid,
                problems
            );
        Check(payload, "start_stamp", v => IsTime(v) ? null : "must be " + TimeFormat, valid, problems);
        foreach (var key in new[] { "answer_stamp", "end_stamp" })
            Check(payload, key, v => v.Length == 0 || IsTime(v) ? null : "must be empty or " + TimeFormat, valid, problems);
        foreach (var key in Seconds)
            Check(
                payload,
                key,
                v => v.Length == 0 || SecondsPattern().IsMatch(v) ? null : "must be empty or whole seconds",
                valid,
                problems
            );
        Check(
            payload,
            "direction",
            v => Directions.Contains(v) ? null : "must be one of " + string.Join(", ", Directions.Select(d => "\"" + d + "\"")),
            valid,
            problems
        );
        Check(
            payload,
            "call_status",
            v => Statuses.Contains(v) ? null : "must be one of " + string.Join(", ", Statuses.Select(s => "\"" + s + "\"")),
            valid,
            problems
        );
        Check(payload, "call_connected", v => v is "" or "0" or "1" ? null : "must be empty, \"0\" or \"1\"", valid, problems);
        Check(payload, "digits_dialed", v => DtmfPattern().IsMatch(v) ? null : "must hold only DTMF keys (0-9, * and #)", valid, problems);
        Check(
            payload,
            "hangup_cause",
            v => CausePattern().IsMatch(v) ? null : "must be empty or a cause word such as NormalClearing or disconnected_by_caller",
            valid,
            problems
        );
        Check(payload, "recording_url", v => v.Length == 0 || IsHttpUrl(v) ? null : "must be empty or an http(s) URL", valid, problems);
        foreach (
            var key in new[]
            {
                "answered_agent_name",
                "campaign_name",
                "campaign_id",
                "reason_key",
                "ref_id",
                "custom_identifier",
                "hangup_cause_key",
                "hangup_cause_description",
            }
        )
            Check(payload, key, _ => null, valid, problems);
        Check(
            payload,
            "hangup_cause_code",
            v => v.Length == 0 || SecondsPattern().IsMatch(v) ? null : "must be empty or a Q.850 cause number",
            valid,
            problems
        );
        AnsweredAgentNumber(payload, problems);
        return valid;
    }

    /// <summary>
    /// The agent's 13-digit seat as text on most triggers; on Smartflo's "answered by customer" an object naming the agent
    /// and the follow-me number the call reached (JSON in a JSON body, its text elsewhere).
    /// </summary>
    private static void AnsweredAgentNumber(AcefonePayload payload, List<string> problems)
    {
        if (!payload.Fields.TryGetValue("answered_agent_number", out var field))
            return;
        JsonElement value;
        JsonDocument? parsed = null;
        if (field.IsText)
        {
            if (!field.Text!.StartsWith('{'))
                return;
            try
            {
                parsed = JsonDocument.Parse(field.Text, JsonText.Strict);
            }
            catch (JsonException)
            {
                problems.Add($"answered_agent_number looks like an object but is not JSON, got {JsonText.Quote(field.Text)}");
                return;
            }

            value = parsed.RootElement;
        }
        else
        {
            value = field.Json;
        }

        using (parsed)
        {
            if (
                value.ValueKind != JsonValueKind.Object
                || !value.TryGetProperty("follow_me_number", out var number)
                || number.ValueKind != JsonValueKind.String
            )
                problems.Add(
                    $"answered_agent_number must be the agent's seat or an object with follow_me_number, id and name, got {JsonText.Describe(value)}"
                );
            else if (!NumberPattern().IsMatch(number.GetString()!))
                problems.Add($"answered_agent_number.follow_me_number must be a phone number, got {JsonText.Quote(number.GetString()!)}");
        }
    }

    /// <summary>The epoch a call_id carries, after any node prefix (h11.08-1775719461.306731).</summary>
    public static long CallIdEpoch(string callId)
    {
        var plain = callId[(callId.LastIndexOf('-') + 1)..];
        return long.Parse(plain.AsSpan(0, plain.IndexOf('.', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
    }

    public static DateTime ParseTime(string value) =>
        DateTime.ParseExact(value, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None);

    private static void Check(
        AcefonePayload payload,
        string key,
        Func<string, string?> rule,
        Dictionary<string, string> valid,
        List<string> problems
    )
    {
        if (!payload.Fields.TryGetValue(key, out var field))
            return;
        if (!field.IsText)
        {
            problems.Add($"{Name(key)} must be a string (Acefone sends every scalar as one), got {JsonText.Describe(field.Json)}");
            return;
        }

        var text = field.Text!;
        if (text == "$" + key.Trim())
            return;
        if (rule(text) is { } problem)
            problems.Add($"{Name(key)} {problem}, got {JsonText.Quote(text)}");
        else
            valid[key] = text;
    }

    /// <summary>A key with a trailing space is quoted so the message shows it.</summary>
    public static string Name(string key) => key.Trim() == key ? key : "\"" + key + "\"";

    private static bool IsTime(string value) =>
        DateTime.TryParseExact(value, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool IsHttpUrl(string value) => Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    [GeneratedRegex(@"^[0-9a-f]{13}\z")]
    private static partial Regex UuidPattern();

    [GeneratedRegex(@"^(?:[A-Za-z0-9][A-Za-z0-9.]*-)*[0-9]{9,10}\.[0-9]{1,9}\z")]
    private static partial Regex CallIdPattern();

    [GeneratedRegex(@"^\+?[0-9]{8,15}\z")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^[0-9]{8,15}\z")]
    private static partial Regex DigitsPattern();

    [GeneratedRegex(@"^[0-9]+\z")]
    private static partial Regex SecondsPattern();

    [GeneratedRegex(@"^[0-9*#]*\z")]
    private static partial Regex DtmfPattern();

    [GeneratedRegex(@"^[A-Za-z_]*\z")]
    private static partial Regex CausePattern();
}
