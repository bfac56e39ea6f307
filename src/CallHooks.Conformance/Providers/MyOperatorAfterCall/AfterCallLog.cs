using System.Globalization;
using System.Text.Json.Nodes;
using CallHooks.Conformance.Calls;
using CallHooks.Conformance.Providers.MyOperatorInCall;

namespace CallHooks.Conformance.Providers.MyOperatorAfterCall;

/// <summary>
/// MyOperator's After-Call log for one finished call, with the documented short keys in the documented order.
/// The time fields all derive from the call's start and end, so they agree: <c>_dr</c> is <c>_et - _st</c> as
/// HH:MM:SS, <c>_drm</c> the same in minutes, <c>_ss</c> the seconds of <c>_st</c> since UTC midnight, and
/// <c>_ms</c> the start in milliseconds (its whole seconds are <c>_st</c>). Epochs and durations are numbers;
/// codes are strings, as in the In-Call log.
/// </summary>
internal static class AfterCallLog
{
    public const string UtcTimeFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>Indian telecom circles as MyOperator prints them in <c>_se</c>, e.g. "DL, IN".</summary>
    private static readonly string[] Circles = ["DL", "MH", "MU", "KA", "TN", "AP", "GJ", "UP", "WB", "RJ", "KL", "PB"];

    public static JsonObject For(Call call)
    {
        var start = call.StartedAt.ToUnixTimeSeconds();
        var end = call.EndedAt.ToUnixTimeSeconds();
        var seconds = end - start;
        var connected = call.Outcome is CallOutcome.Connected;
        var recording = connected ? RecordingName(call) : null;
        return new JsonObject
        {
            ["_ai"] = call.LogId,
            // Source and type: documented as fields, their values are not; "1" for a call log. [inferred]
            ["_so"] = "1",
            ["_ci"] = call.CompanyId,
            ["_cr"] = call.Customer.National,
            ["_cl"] = call.Customer.E164,
            ["_cy"] = call.Customer.CountryCode,
            ["_se"] = Circle(call) + ", IN",
            ["_ts"] = end,
            ["_st"] = start,
            ["_ms"] = (start * 1000) + Milliseconds(call),
            ["_ss"] = start % 86400,
            ["_et"] = end,
            ["_dr"] = Duration(seconds),
            ["_drm"] = Math.Round(seconds / 60m, 2),
            // Type, event and status are numbers in the page's sample (the In-Call log's codes are strings).
            ["_ty"] = 1,
            ["_ev"] = call.IsOutgoing ? 2 : 1,
            ["_su"] = int.Parse(CallLog.Status(call.Outcome)!, CultureInfo.InvariantCulture),
            ["_fn"] = recording is null ? null : recording + ".mp3",
            ["_fu"] = recording is null ? null : "http://app.myoperator.co/audio/" + recording,
            ["_dn"] = "Support",
            ["_di"] = call.Entropy[2..18],
            ["_pm"] = new JsonArray(new JsonObject { ["ky"] = "ui", ["vl"] = CallLog.Uid(call) }),
            ["_cn"] = new JsonArray(),
            ["_us"] = new JsonArray(
                AfterCallLegs
                    .For(call)
                    .Select(leg =>
                        (JsonNode?)
                            new JsonObject { ["ky"] = leg!["_rr"]![0]!["_id"]!.GetValue<string>(), ["vl"] = leg["_ac"]!.GetValue<string>() }
                    )
                    .ToArray()
            ),
            ["_ri"] = call.ReferenceId,
            ["_ji"] = null,
            ["_ivid"] = call.PublicIvrId,
            ["_cri"] = call.ClientRefId,
            ["_ld"] = AfterCallLegs.For(call),
        };
    }

    /// <summary>The customer's telecom circle as MyOperator abbreviates it, e.g. <c>DL</c> (the After-Call <c>_se</c> and v2 <c>location</c>).</summary>
    public static string Circle(Call call) => Circles[Convert.ToInt32(call.Entropy[..2], 16) % Circles.Length];

    /// <summary>The recording's name without its extension: 80 hex digits, as in the page's sample.</summary>
    public static string RecordingName(Call call) => call.LogId + call.Entropy + call.Entropy[..16] + call.LogId;

    /// <summary>HH:MM:SS, hours not wrapped at 24.</summary>
    public static string Duration(long seconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:00}:{seconds / 60 % 60:00}:{seconds % 60:00}");

    /// <summary>The sub-second part of the start, from the call's entropy (the canonical call keeps whole seconds).</summary>
    private static int Milliseconds(Call call) => Convert.ToInt32(call.Entropy[^3..], 16) % 1000;
}
