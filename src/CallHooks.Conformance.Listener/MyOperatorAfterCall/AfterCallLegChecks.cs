using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CallHooks.Conformance.Listener.MyOperatorAfterCall;

/// <summary>
/// <c>_ld</c>, the legs of the call, and within each leg <c>_rr</c>, the agents dialed: both are JSON arrays. A
/// listener that reads <c>_ld._rr._na</c> as nested objects (as public parsers do) breaks on real payloads, so
/// an object here is refused with that explanation. Each leg's times must lie within the call and agree with
/// each other.
/// </summary>
internal static partial class AfterCallLegChecks
{
    private const string RingTimeFormat = "yyyy-MM-dd HH:mm:ss";
    private static readonly string[] DialStatuses = ["ANSWER", "NOANSWER", "BUSY", "CANCEL"];

    /// <summary>Checks every leg; returns the legs' dial statuses when <c>_ld</c> is a list.</summary>
    public static IReadOnlyList<string>? Check(ShortKeyFields log, long? callStart, long? callEnd)
    {
        if (log.Array("_ld", "legs (a list even for one leg; not an object to read as _ld._rr._na)") is not { } legs)
            return null;
        var statuses = new List<string>();
        for (var index = 0; index < legs.Count; index++)
        {
            var where = $"_ld[{index}]";
            if (legs[index].ValueKind != JsonValueKind.Object)
            {
                log.Problems.Add($"{where} must be an object, got {JsonText.Describe(legs[index])}");
                continue;
            }

            var leg = new ShortKeyFields(legs[index], where + ".", log.Problems);
            var ringStart = leg.Text("_rst", v =>
                DateTime.TryParseExact(v, RingTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? null
                    : "must be UTC " + RingTimeFormat
            );
            if (leg.Text("_ds", v => DialStatuses.Contains(v) ? null : "must be one of " + string.Join(", ", DialStatuses)) is { } status)
                statuses.Add(status);
            leg.Present("_did");
            Agents(leg, where);
            leg.Array("_tt", "entries (an empty list in MyOperator's sample)");
            leg.Text("_su", _ => null);
            var start = leg.Integer("_st");
            var end = leg.Integer("_et");
            var duration = leg.Text("_dr", v => DurationPattern().IsMatch(v) ? null : "must be HH:MM:SS");
            leg.Text("_ac", _ => null);

            if (start is { } s && end is { } e)
            {
                if (e < s)
                    log.Problems.Add($"{where}._et {e} is before its _st {s}");
                else if (duration is not null && duration != AfterCallChecks.Clock(e - s))
                    log.Problems.Add($"{where}._dr {duration} is not its _et - _st = {e - s} s ({AfterCallChecks.Clock(e - s)})");
                if (callStart is { } cs && callEnd is { } ce && (s < cs || e > ce))
                    log.Problems.Add($"{where} runs {s}..{e}, outside the call's _st {cs} .. _et {ce}");
            }

            if (ringStart is not null && start is { } legStart)
            {
                var expected = DateTimeOffset
                    .FromUnixTimeSeconds(legStart)
                    .UtcDateTime.ToString(RingTimeFormat, CultureInfo.InvariantCulture);
                if (ringStart != expected)
                    log.Problems.Add($"{where}._rst {ringStart} is not its _st {legStart} as UTC ({expected})");
            }
        }

        return statuses;
    }

    private static void Agents(ShortKeyFields leg, string where)
    {
        if (leg.Array("_rr", "agents (a list even for one agent; not an object to read as _rr._na)") is not { } agents)
            return;
        for (var index = 0; index < agents.Count; index++)
        {
            if (agents[index].ValueKind != JsonValueKind.Object)
            {
                leg.Problems.Add($"{where}._rr[{index}] must be an object, got {JsonText.Describe(agents[index])}");
                continue;
            }

            var agent = new ShortKeyFields(agents[index], $"{where}._rr[{index}].", leg.Problems);
            agent.Text("_id", v => v.Length > 0 ? null : "must not be empty");
            agent.Text("_na", _ => null);
            agent.Text("_em", _ => null, nullable: true);
            agent.Text("_ex", _ => null, nullable: true);
            var national = agent.Text("_ct", v => NationalPattern().IsMatch(v) ? null : "must be the agent's 10 digits");
            var e164 = agent.Text("_nr", v => E164Pattern().IsMatch(v) ? null : "must be the agent in E.164 (+91...)");
            if (national is not null && e164 is not null && !e164.EndsWith(national, StringComparison.Ordinal))
                leg.Problems.Add($"{where}._rr[{index}]._nr {e164} does not end with its _ct {national}");
        }
    }

    [GeneratedRegex(@"^[0-9]{2,}:[0-5][0-9]:[0-5][0-9]\z")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^[0-9]{10}\z")]
    private static partial Regex NationalPattern();

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}\z")]
    private static partial Regex E164Pattern();
}
