using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CallHooks.Conformance.Listener.MyOperatorInCall;

/// <summary>
/// Field checks for one MyOperator In-Call log, read by name from the parsed JSON as a user's listener would.
/// MyOperator documents every enum value as a string, so a number where a string belongs is a problem.
/// Extra fields pass: providers add fields over time. Every problem is reported, not just the first.
/// </summary>
internal static partial class InCallChecks
{
    public const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>
    /// How far <c>created</c> may trail the uid's epoch. The seed sample itself is 7 s apart
    /// (uid 08:35:49, created 08:35:56), so equality is too strict; a local-time stamp (IST is +19800 s) is far outside.
    /// </summary>
    public static readonly TimeSpan CreatedSlack = TimeSpan.FromSeconds(60);

    private static readonly string[] CallStates = ["1", "2", "3", "4", "5", "6", "7", "9"];
    private static readonly string[] Events = ["1", "2"];
    private static readonly string[] Statuses = ["1", "2", "3"];

    /// <param name="usersAsList">How this integration reads <c>users</c>: a comma-separated string (the field table's
    /// reading, <c>--option users=comma</c>) instead of the sample's JSON list.</param>
    public static (InCallLog? Log, IReadOnlyList<string> Problems) Check(JsonElement log, bool usersAsList = false)
    {
        var p = new List<string>();
        var id = Text(log, "id", p, v => IdPattern().IsMatch(v) ? null : "must be 16 lowercase hex digits");
        var uid = Text(log, "uid", p, v =>
            UidPattern().IsMatch(v) ? null : "must look like <node>.<epoch>.<seq>, e.g. n2.1596270949.2175190"
        );
        Optional(log, "reference_id", p, v => Guid.TryParseExact(v, "D", out _) ? null : "must be null or a UUID");
        Text(log, "company_id", p, v => string.IsNullOrWhiteSpace(v) ? "must not be empty" : null);
        var clidRaw = Text(log, "clid_raw", p, v =>
            ClidRawPattern().IsMatch(v) ? null : "must be 8 to 15 digits, country code first, e.g. 919711636496"
        );
        var clid = Text(log, "clid", p, v =>
            NationalPattern().IsMatch(v) || E164Pattern().IsMatch(v) ? null : "must be 10 national digits or +E.164"
        );
        Optional(log, "rdnis", p, v => v == "unknown" || DigitsPattern().IsMatch(v) ? null : "must be digits or \"unknown\"");
        var callState = Text(log, "call_state", p, v => OneOf(v, CallStates));
        var callEvent = Text(log, "event", p, v => OneOf(v, Events));
        var problemsBeforeStatus = p.Count;
        var status = Optional(log, "status", p, v => OneOf(v, Statuses));
        var statusWellFormed = p.Count == problemsBeforeStatus;
        if (usersAsList)
            CommaUsers(log, p);
        else
            Users(log, p);
        var created = Text(log, "created", p, v => IsTime(v) ? null : "must be " + TimeFormat);
        Optional(log, "call_time", p, v => IsTime(v) ? null : "must be " + TimeFormat);
        Optional(log, "public_ivr_id", p, _ => null);
        Optional(log, "client_ref_id", p, _ => null);

        if (clid is not null && clidRaw is not null)
            ClidAgreesWithRaw(clid, clidRaw, p);
        if (uid is not null && created is not null)
            CreatedMatchesUid(uid, created, p);
        if (callState == "2" && status is null && statusWellFormed)
            p.Add("status must be \"1\", \"2\" or \"3\" when call_state is \"2\" (call finished), got " + Describe(log, "status"));

        if (
            p.Count > 0
            || id is null
            || uid is null
            || clidRaw is null
            || clid is null
            || callState is null
            || callEvent is null
            || created is null
        )
            return (null, p);
        return (new InCallLog(id, uid, clidRaw, clid, callState, callEvent, status, created, JsonText.Compact(log)), p);
    }

    /// <summary>
    /// Reads a string field and runs <paramref name="rule"/> on it (null = fine). Returns the value only when it passed,
    /// so later cross-field checks never pile a second message onto a field that is already wrong.
    /// </summary>
    private static string? Text(JsonElement log, string field, List<string> problems, Func<string, string?> rule, bool nullable = false)
    {
        if (!log.TryGetProperty(field, out var value))
        {
            problems.Add(field + " is missing");
            return null;
        }

        if (nullable && value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{field} must be a string{(nullable ? " or null" : "")}, got {JsonText.Describe(value)}");
            return null;
        }

        var text = value.GetString()!;
        var problem = rule(text);
        if (problem is null)
            return text;
        problems.Add($"{field} {problem}, got {JsonText.Quote(text)}");
        return null;
    }

    /// <summary>The docs print clid both ways; either way it must be the same number as clid_raw.</summary>
    private static void ClidAgreesWithRaw(string clid, string clidRaw, List<string> problems)
    {
        if (clid.StartsWith('+'))
        {
            if (clid[1..] != clidRaw)
                problems.Add($"clid {clid} is not clid_raw {clidRaw} with a plus");
        }
        else if (clidRaw.Length <= clid.Length || !clidRaw.EndsWith(clid, StringComparison.Ordinal))
        {
            problems.Add($"clid {clid} is not clid_raw {clidRaw} without its country code");
        }
    }

    /// <summary>MyOperator's times are UTC: the uid's epoch second and <c>created</c> name (nearly) the same instant.</summary>
    private static void CreatedMatchesUid(string uid, string created, List<string> problems)
    {
        var epoch = long.Parse(uid.Split('.')[1], CultureInfo.InvariantCulture);
        var createdUtc = DateTime.ParseExact(
            created,
            TimeFormat,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal
        );
        var gap = (long)(createdUtc - DateTime.UnixEpoch).TotalSeconds - epoch;
        if (gap < 0 || gap > (long)CreatedSlack.TotalSeconds)
            problems.Add(
                $"created {created} read as UTC is {gap} s from the uid epoch {epoch}; created must be UTC, 0 to {(long)CreatedSlack.TotalSeconds} s after the uid epoch"
            );
    }

    private static string? OneOf(string value, string[] allowed) =>
        allowed.Contains(value) ? null : "must be one of " + string.Join(", ", allowed.Select(a => "\"" + a + "\""));

    private static bool IsTime(string value) =>
        DateTime.TryParseExact(value, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    [GeneratedRegex(@"^[0-9a-f]{16}\z")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[A-Za-z0-9]+\.[0-9]{1,10}\.[0-9]+\z")]
    private static partial Regex UidPattern();

    [GeneratedRegex(@"^[1-9][0-9]{7,14}\z")]
    private static partial Regex ClidRawPattern();

    [GeneratedRegex(@"^[0-9]{10}\z")]
    private static partial Regex NationalPattern();

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}\z")]
    private static partial Regex E164Pattern();

    [GeneratedRegex(@"^[0-9]+\z")]
    private static partial Regex DigitsPattern();
}
