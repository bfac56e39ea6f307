using System.Globalization;
using System.Text.RegularExpressions;

namespace CallHooks.Conformance.Listener.Twilio;

/// <summary>
/// The fields of a voice status callback, checked by name and format against Twilio's documentation. Every problem is
/// reported at once, naming the field and the value.
/// </summary>
internal static partial class TwilioFieldChecks
{
    public static readonly IReadOnlySet<string> FinalStatuses = new HashSet<string>(StringComparer.Ordinal)
    {
        "completed",
        "busy",
        "failed",
        "no-answer",
        "canceled",
    };

    // The Call resource's statuses, plus "initiated", which the initiated event reports.
    private static readonly HashSet<string> Statuses = new(FinalStatuses, StringComparer.Ordinal)
    {
        "initiated",
        "queued",
        "ringing",
        "in-progress",
    };
    private static readonly HashSet<string> Directions = new(StringComparer.Ordinal) { "inbound", "outbound-api", "outbound-dial" };
    private const string TimestampFormat = "ddd, dd MMM yyyy HH:mm:ss '+0000'";

    public static (StatusCallback? Callback, IReadOnlyList<string> Problems) Check(IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var problems = new List<string>();
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            if (!fields.TryAdd(name, value))
                problems.Add($"{name} appears more than once");
        }

        string Field(string name, Regex? pattern, string shape)
        {
            if (!fields.TryGetValue(name, out var value) || value.Length == 0)
            {
                problems.Add($"{name} is missing");
                return "";
            }

            if (pattern is not null && !pattern.IsMatch(value))
                problems.Add($"{name} '{value}' is not {shape}");
            return value;
        }

        var callSid = Field("CallSid", SidPattern("CA"), "CA followed by 32 lowercase hex digits");
        var accountSid = Field("AccountSid", SidPattern("AC"), "AC followed by 32 lowercase hex digits");
        var from = Field("From", E164(), "an E.164 number (+ and 7 to 15 digits)");
        var to = Field("To", E164(), "an E.164 number (+ and 7 to 15 digits)");
        var status = Field("CallStatus", null, "");
        if (status.Length > 0 && !Statuses.Contains(status))
            problems.Add($"CallStatus '{status}' is not one of {string.Join(", ", Statuses.Order(StringComparer.Ordinal))}");
        var direction = Field("Direction", null, "");
        if (direction.Length > 0 && !Directions.Contains(direction))
            problems.Add($"Direction '{direction}' is not inbound, outbound-api or outbound-dial");
        if (Field("ApiVersion", null, "") is { Length: > 0 } version && version != "2010-04-01")
            problems.Add($"ApiVersion '{version}' is not 2010-04-01");
        if (Field("CallbackSource", null, "") is { Length: > 0 } source && source != "call-progress-events")
            problems.Add($"CallbackSource '{source}' is not call-progress-events");
        var sequence = Number(Field("SequenceNumber", null, ""), "SequenceNumber", problems);
        var timestampText = Field("Timestamp", null, "");
        DateTimeOffset timestamp = default;
        if (
            timestampText.Length > 0
            && !DateTimeOffset.TryParseExact(
                timestampText,
                TimestampFormat,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal,
                out timestamp
            )
        )
            problems.Add($"Timestamp '{timestampText}' is not RFC 2822 in UTC (e.g. Thu, 15 Jan 2026 09:30:00 +0000)");

        // CallDuration belongs to the completed event, which reports the final status.
        int? duration = null;
        var final = FinalStatuses.Contains(status);
        if (fields.TryGetValue("CallDuration", out var durationText))
        {
            duration = Number(durationText, "CallDuration", problems);
            if (!final && status.Length > 0)
                problems.Add($"CallDuration is sent only with a final CallStatus, not with {status}");
        }
        else if (final)
        {
            problems.Add($"CallDuration is missing from the completed event (CallStatus {status})");
        }

        if (problems.Count > 0)
            return (null, problems);
        var fingerprint = string.Join(
            "&",
            parameters.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Key + "=" + pair.Value)
        );
        return (
            new StatusCallback(callSid, accountSid, from, to, direction, status, sequence ?? 0, timestamp, duration, fingerprint),
            problems
        );
    }

    private static int? Number(string text, string name, List<string> problems)
    {
        if (text.Length == 0)
            return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            return value;
        problems.Add($"{name} '{text}' is not a whole number of zero or more");
        return null;
    }

    private static Regex SidPattern(string prefix) => prefix == "CA" ? CallSidPattern() : AccountSidPattern();

    [GeneratedRegex("^CA[0-9a-f]{32}$")]
    private static partial Regex CallSidPattern();

    [GeneratedRegex("^AC[0-9a-f]{32}$")]
    private static partial Regex AccountSidPattern();

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();
}
