using System.Text.Json;

namespace CallHooks.Conformance.Listener.MyOperatorInCall;

/// <summary>
/// The In-Call fields a correct listener must not demand. MyOperator fills them only for some calls or some
/// accounts, so a listener that requires them drops real calls:
/// <list type="bullet">
/// <item><c>reference_id</c>: "generated once you initiate any OBD campaign", so absent or empty for other calls.</item>
/// <item><c>rdnis</c>: the service number, already "unknown" in the docs' own sample.</item>
/// <item><c>status</c>: "null until known"; only a finished call (<c>call_state "2"</c>) must carry one.</item>
/// <item><c>users</c>: no agent is involved yet at call_state 1, 3 or 4.</item>
/// <item><c>call_time</c> and <c>job_id</c>: in the sample payload but not in the documented field table.</item>
/// <item><c>public_ivr_id</c>: only for calls that landed on an IVR; <c>client_ref_id</c>: only when the client passed one.</item>
/// </list>
/// The overview page's own example omits most of these. Missing, null and "" all mean "not given"; a value that
/// is given must still have the documented shape.
/// </summary>
internal static partial class InCallChecks
{
    /// <summary>An optional text field: null when not given (missing, null or ""), else checked like a required one.</summary>
    private static string? Optional(JsonElement log, string field, List<string> problems, Func<string, string?> rule)
    {
        if (!log.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind == JsonValueKind.String && value.GetString()!.Length == 0)
            return null;
        return Text(log, field, problems, rule, nullable: true);
    }

    /// <summary>Agent numbers with country code, no plus; missing or null means no agent yet.</summary>
    private static void Users(JsonElement log, List<string> problems)
    {
        if (!log.TryGetProperty("users", out var users) || users.ValueKind == JsonValueKind.Null)
            return;
        if (users.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"users must be an array of digit strings, got {JsonText.Describe(users)}");
            return;
        }

        var index = 0;
        foreach (var user in users.EnumerateArray())
        {
            if (user.ValueKind != JsonValueKind.String)
                problems.Add($"users[{index}] must be a string, got {JsonText.Describe(user)}");
            else if (!DigitsPattern().IsMatch(user.GetString()!))
                problems.Add(
                    $"users[{index}] must be digits (agent number with country code, no plus), got {JsonText.Quote(user.GetString()!)}"
                );
            index++;
        }
    }

    /// <summary>The field table's reading: agent numbers as one comma-separated string of digit groups.</summary>
    private static void CommaUsers(JsonElement log, List<string> problems)
    {
        if (!log.TryGetProperty("users", out var users) || users.ValueKind == JsonValueKind.Null)
            return;
        if (users.ValueKind != JsonValueKind.String)
            problems.Add($"users must be a comma-separated string of agent numbers, got {JsonText.Describe(users)}");
        else if (users.GetString()!.Length > 0 && users.GetString()!.Split(',').Any(user => !DigitsPattern().IsMatch(user)))
            problems.Add($"users must be agent numbers separated by commas, got {JsonText.Quote(users.GetString()!)}");
    }

    /// <summary>What a field held, for a message: "missing", "null" or the value.</summary>
    private static string Describe(JsonElement log, string field) =>
        log.TryGetProperty(field, out var value) ? JsonText.Describe(value) : "missing";
}
