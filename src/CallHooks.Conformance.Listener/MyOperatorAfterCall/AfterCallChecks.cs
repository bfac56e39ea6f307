using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CallHooks.Conformance.Listener.MyOperatorAfterCall;

/// <summary>
/// Field checks for one MyOperator After-Call log. Beyond each field's format, the time fields must tell one story:
/// <c>_dr</c> is <c>_et - _st</c> as HH:MM:SS, <c>_drm</c> the same in minutes, <c>_ss</c> the seconds of <c>_st</c>
/// since UTC midnight, <c>_ms</c> the start in milliseconds; the caller's three spellings are one number; and
/// <c>_pm</c> carries the uid as <c>ky=ui</c>.
/// </summary>
internal static partial class AfterCallChecks
{
    private static readonly long[] Events = [1, 2];
    private static readonly long[] Statuses = [1, 2, 3];

    public static (AfterCallSummary? Log, IReadOnlyList<string> Problems) Check(JsonElement log)
    {
        var p = new List<string>();
        var f = new ShortKeyFields(log, "", p);
        var id = f.Text("_ai", v => HexPattern().IsMatch(v) ? null : "must be 16 lowercase hex digits");
        f.Text("_so", _ => null);
        f.Text("_ci", v => v.Length > 0 ? null : "must not be empty");
        var national = f.Text("_cr", v => NationalPattern().IsMatch(v) ? null : "must be the caller's 10 digits");
        var e164 = f.Text("_cl", v => E164Pattern().IsMatch(v) ? null : "must be the caller in E.164 (+91...)");
        var country = f.Text("_cy", v => CountryPattern().IsMatch(v) ? null : "must be a country code (1 to 3 digits)");
        f.Text("_se", _ => null);
        var logged = f.Integer("_ts");
        var start = f.Integer("_st");
        var startMs = f.Integer("_ms");
        var sinceMidnight = f.Integer("_ss");
        var end = f.Integer("_et");
        var duration = f.Text("_dr", v => DurationPattern().IsMatch(v) ? null : "must be HH:MM:SS");
        var minutes = f.Decimal("_drm");
        // Codes are numbers in MyOperator's sample; a PHP listener cannot tell them from digit strings, so both read alike.
        f.Integer("_ty");
        Code(f, "_ev", Events);
        var status = Code(f, "_su", Statuses);
        f.Text("_fn", _ => null, optional: true);
        f.Text(
            "_fu",
            v =>
                Uri.TryCreate(v, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"
                    ? null
                    : "must be the recording's http(s) URL",
            optional: true
        );
        f.Text("_dn", _ => null, nullable: true);
        f.Text("_di", _ => null, nullable: true);
        var uid = Uid(f);
        f.Array("_cn", "note objects");
        Pairs(f, "_us");
        f.Text("_ri", v => Guid.TryParseExact(v, "D", out _) ? null : "must be a UUID when present", optional: true);
        f.Text("_ji", _ => null, optional: true);
        f.Text("_ivid", _ => null, optional: true);
        f.Text("_cri", _ => null, optional: true);
        var legs = AfterCallLegChecks.Check(f, start, end);

        if (national is not null && e164 is not null && country is not null && e164 != "+" + country + national)
            p.Add($"_cl {e164} is not + _cy {country} + _cr {national}");
        if (start is { } s && end is { } e)
        {
            if (e < s)
                p.Add($"_et {e} is before _st {s}");
            else if (duration is not null && duration != Clock(e - s))
                p.Add($"_dr {duration} is not _et - _st = {e - s} s ({Clock(e - s)})");
            if (e >= s && minutes is { } m && Math.Abs(m - ((e - s) / 60m)) > 0.01m)
                p.Add(
                    $"_drm {m.ToString(CultureInfo.InvariantCulture)} is not _et - _st = {e - s} s in minutes ({((e - s) / 60m).ToString("0.##", CultureInfo.InvariantCulture)})"
                );
        }

        if (start is { } st && sinceMidnight is { } ss && ss != st % 86400)
            p.Add($"_ss {ss} is not the seconds of _st {st} since UTC midnight ({st % 86400})");
        if (start is { } st2 && startMs is { } ms && ms / 1000 != st2)
            p.Add($"_ms {ms} is not _st {st2} in milliseconds");
        if (start is { } st3 && logged is { } ts && ts < st3)
            p.Add($"_ts {ts} is before the call started (_st {st3})");
        if (status == 1 && legs is { } all && !all.Contains("ANSWER"))
            p.Add("_su is 1 (connected) but no leg in _ld has _ds ANSWER");

        if (p.Count > 0 || id is null || uid is null || e164 is null || start is null)
            return (null, p);
        return (
            new AfterCallSummary(id, uid, e164, start.Value, status!.Value.ToString(CultureInfo.InvariantCulture), JsonText.Compact(log)),
            p
        );
    }

    public static string Clock(long seconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:00}:{seconds / 60 % 60:00}:{seconds % 60:00}");

    /// <summary><c>_pm</c>: a list of <c>{ky, vl}</c>; the uid is the entry whose ky is <c>ui</c>.</summary>
    private static string? Uid(ShortKeyFields f)
    {
        var pairs = Pairs(f, "_pm");
        if (pairs is null)
            return null;
        var ui = pairs.Where(pair => pair.Key == "ui").ToList();
        if (ui.Count != 1)
        {
            f.Problems.Add($"_pm must hold exactly one {{ky: \"ui\", vl: <uid>}}, found {ui.Count}");
            return null;
        }

        if (UidPattern().IsMatch(ui[0].Value))
            return ui[0].Value;
        f.Problems.Add($"_pm ui must look like <node>.<epoch>.<seq>, got {JsonText.Quote(ui[0].Value)}");
        return null;
    }

    private static List<KeyValuePair<string, string>>? Pairs(ShortKeyFields f, string key)
    {
        if (f.Array(key, "{ky, vl} objects") is not { } items)
            return null;
        var pairs = new List<KeyValuePair<string, string>>();
        for (var index = 0; index < items.Count; index++)
        {
            var pair = new ShortKeyFields(items[index], $"{key}[{index}].", f.Problems);
            if (items[index].ValueKind != JsonValueKind.Object)
                f.Problems.Add($"{key}[{index}] must be an object {{ky, vl}}, got {JsonText.Describe(items[index])}");
            else if (pair.Text("ky", _ => null) is { } ky && pair.Text("vl", _ => null) is { } vl)
                pairs.Add(KeyValuePair.Create(ky, vl));
        }

        return pairs;
    }

    private static long? Code(ShortKeyFields f, string key, long[] allowed)
    {
        if (f.Integer(key) is not { } code)
            return null;
        if (allowed.Contains(code))
            return code;
        f.Problems.Add($"{key} must be one of {string.Join(", ", allowed)}, got {code}");
        return null;
    }

    [GeneratedRegex(@"^[0-9a-f]{16}\z")]
    private static partial Regex HexPattern();

    [GeneratedRegex(@"^[0-9]{10}\z")]
    private static partial Regex NationalPattern();

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}\z")]
    private static partial Regex E164Pattern();

    [GeneratedRegex(@"^[1-9][0-9]{0,2}\z")]
    private static partial Regex CountryPattern();

    [GeneratedRegex(@"^[0-9]{2,}:[0-5][0-9]:[0-5][0-9]\z")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^[A-Za-z0-9]+\.[0-9]{1,10}\.[0-9]+\z")]
    private static partial Regex UidPattern();
}
