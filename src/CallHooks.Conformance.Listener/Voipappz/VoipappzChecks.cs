using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CallHooks.Conformance.Listener.Voipappz;

/// <summary>
/// Field checks for one voipappz webhook body, read by name from the parsed JSON. Formats follow the seed's field
/// list; the cross-field rules are what a billing or CRM listener relies on: duration_time is duration, the answer
/// comes ring_duration after the start, billing never exceeds the call, a recording exists only for answered calls.
/// Every problem is reported; extra fields pass.
/// </summary>
internal static partial class VoipappzChecks
{
    public static readonly IReadOnlySet<string> NumericFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "duration",
        "ring_duration",
        "billing_duration",
    };

    /// <summary>Any epoch after 2001 is above this: a "billing duration" that large is a timestamp, not seconds.</summary>
    private const long EpochFloor = 1_000_000_000;

    public static (string? Uuid, IReadOnlyList<string> Problems) Check(JsonElement body)
    {
        var p = new List<string>();
        var f = new Fields(body, p);
        f.Text("direction", v => v is "incoming" or "outgoing" ? null : "must be \"incoming\" or \"outgoing\"");
        var uuid = f.Text("uuid", v => Guid.TryParseExact(v, "D", out _) ? null : "must be a UUID");
        f.Text("type", v => v.Length > 0 ? null : "must not be empty");
        var created = f.Text("created_at", v =>
            CreatedPattern().IsMatch(v) && DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? null
                : "must be ISO-8601 with an offset, e.g. 2024-12-02T21:04:40.701+00:00"
        );
        f.Text("contact_number", Digits, nullable: true);
        f.Text("caller_id_number", Digits, nullable: true);
        var duration = f.Count("duration");
        var ring = f.Count("ring_duration");
        f.Destination();
        var start = f.Text("start_at", v => ClockPattern().IsMatch(v) ? null : "must be HH:MM:SS");
        var answer = f.Text("answer_at", v => ClockPattern().IsMatch(v) ? null : "must be HH:MM:SS or null", optional: true);
        f.Text("environment_name", v => v.Length > 0 ? null : "must not be empty");
        f.Text("user_fullname", _ => null, optional: true);
        // The sample sends "" here; over GET "" and null look the same, so either passes.
        f.Text("user_name", _ => null, nullable: true);
        f.Text("extension_username", _ => null, optional: true);
        var cause = f.Text(
            "cause",
            v => v is "answer" or "busy" or "no_answer" ? null : "must be answer, busy or no_answer",
            optional: true
        );
        f.Text("sip_status", v => SipPattern().IsMatch(v) ? null : "must be a three-digit SIP status as a string", nullable: true);
        var recording = f.Text(
            "recording_url",
            v => Uri.TryCreate(v, UriKind.Absolute, out var url) && url.Scheme is "https" or "http" ? null : "must be an http(s) URL",
            optional: true
        );
        var durationTime = f.Text("duration_time", v => ClockPattern().IsMatch(v) ? null : "must be HH:MM:SS");
        var billing = f.Count("billing_duration", optional: true);
        var billingTime = f.Text(
            "billing_duration_time",
            v => ClockPattern().IsMatch(v) ? null : "must be HH:MM:SS or null",
            optional: true
        );
        f.Text("did_number", Digits);
        f.Text("did_name", _ => null);
        f.Text(
            "queue_disposition",
            v => v is "timeout" or "abandoned" or "answer" ? null : "must be timeout, abandoned or answer",
            optional: true
        );
        f.Text("ivr_name", _ => null, optional: true);
        f.Present("call_state");
        f.Text("queue_name", _ => null, optional: true);

        if (duration is { } d && durationTime is not null && durationTime != Clock(d))
            p.Add($"duration_time {durationTime} is not duration {d} s ({Clock(d)})");
        if (duration is { } total && ring is { } r && r > total)
            p.Add($"ring_duration {r} exceeds duration {total}");
        if (billing is { } b && b >= EpochFloor)
            p.Add($"billing_duration {b} is an epoch ({DateTimeOffset.FromUnixTimeSeconds(b):yyyy-MM-ddTHH:mm:ssZ}), not seconds");
        else if (billing is { } bs && duration is { } all && bs > all)
            p.Add($"billing_duration {bs} exceeds duration {all}");
        if (billing is { } seconds && seconds < EpochFloor && billingTime is not null && billingTime != Clock(seconds))
            p.Add($"billing_duration_time {billingTime} is not billing_duration {seconds} s ({Clock(seconds)})");
        if (recording is not null && cause is not null && cause != "answer")
            p.Add($"recording_url is set on a call whose cause is {cause}; only answered calls are recorded");
        if (answer is not null && start is not null && ring is { } rung && Seconds(answer) != (Seconds(start) + rung) % 86400)
            p.Add($"answer_at {answer} is not start_at {start} plus ring_duration {rung} s");
        if (created is not null && start is not null && !IsLocalTimeOf(start, created))
            p.Add($"start_at {start} is not created_at {created} in any time zone");

        return (p.Count == 0 ? uuid : null, p);
    }

    public static string Clock(long seconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:00}:{seconds / 60 % 60:00}:{seconds % 60:00}");

    private static string? Digits(string value) => DigitsPattern().IsMatch(value) ? null : "must be digits with country code, no plus";

    private static int Seconds(string clock) =>
        (int.Parse(clock[..2], CultureInfo.InvariantCulture) * 3600)
        + (int.Parse(clock[3..5], CultureInfo.InvariantCulture) * 60)
        + int.Parse(clock[6..], CultureInfo.InvariantCulture);

    /// <summary>start_at is a local wall-clock time: it must differ from created_at's UTC time by a whole quarter hour (every zone offset does).</summary>
    private static bool IsLocalTimeOf(string start, string created)
    {
        var utc = DateTimeOffset.Parse(created, CultureInfo.InvariantCulture).UtcDateTime;
        var gap = ((Seconds(start) - (int)utc.TimeOfDay.TotalSeconds) % 86400 + 86400) % 86400;
        return gap % 900 == 0;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}:\d{2}\z")]
    private static partial Regex CreatedPattern();

    [GeneratedRegex(@"^([01]\d|2[0-3]):[0-5]\d:[0-5]\d\z")]
    private static partial Regex ClockPattern();

    [GeneratedRegex(@"^[1-6]\d\d\z")]
    private static partial Regex SipPattern();

    [GeneratedRegex(@"^[1-9][0-9]{7,14}\z")]
    private static partial Regex DigitsPattern();
}
