using System.Globalization;

namespace CallHooks.Conformance.Listener.Acefone;

/// <summary>
/// What must hold between the variables of one request, checked only on values that passed their own format check:
/// stamps in order, duration and billsec matching them, stamps in IST or UTC for the call_id's epoch, a uuid not
/// minted before its call, and the customer's number in the place its direction puts it.
/// </summary>
internal static class AcefoneConsistency
{
    /// <summary>Real payloads differ from the stamps by a second (duration 30 for a 31 s span); more is a bug.</summary>
    private const int SecondsSlack = 1;

    private static readonly (string Name, TimeSpan Offset)[] Zones = [("IST", new TimeSpan(5, 30, 0)), ("UTC", TimeSpan.Zero)];

    public static void Check(IReadOnlyDictionary<string, string> v, List<string> problems)
    {
        var start = Time(v, "start_stamp");
        var answer = Time(v, "answer_stamp");
        var end = Time(v, "end_stamp");
        if (start is { } s && answer is { } a && a < s)
            problems.Add($"answer_stamp {v["answer_stamp"]} is before start_stamp {v["start_stamp"]}");
        if (end is { } e && (answer ?? start) is { } from && e < from)
            problems.Add(
                $"end_stamp {v["end_stamp"]} is before {(answer is null ? "start_stamp" : "answer_stamp")} {(answer is null ? v["start_stamp"] : v["answer_stamp"])}"
            );
        if (start is { } s2 && end is { } e2)
            Seconds(v, "duration", (long)(e2 - s2).TotalSeconds, "end_stamp - start_stamp", problems);
        if (end is { } e3)
            Seconds(
                v,
                "billsec",
                answer is { } a3 ? (long)(e3 - a3).TotalSeconds : 0,
                answer is null ? "0 without an answer_stamp" : "end_stamp - answer_stamp",
                problems
            );
        if (
            v.GetValueOrDefault("call_status") is "answered" or "Answered by agent" or "Answered by customer"
            && v.ContainsKey("answer_stamp")
            && answer is null
        )
            problems.Add("call_status is \"answered\" but answer_stamp is empty");
        if (end is not null && v.GetValueOrDefault("call_status") == "")
            problems.Add("call_status must be \"answered\", \"missed\" or \"contacted\" once end_stamp is set");

        if (v.TryGetValue("call_id", out var callId))
        {
            var epoch = AcefoneFieldChecks.CallIdEpoch(callId);
            if (start is { } s4)
                StartMatchesEpoch(v["start_stamp"], s4, epoch, problems);
            if (
                v.TryGetValue("uuid", out var uuid)
                && long.Parse(uuid[..8], NumberStyles.HexNumber, CultureInfo.InvariantCulture) < epoch - 5
            )
                problems.Add(
                    $"uuid {uuid} was minted at epoch {long.Parse(uuid[..8], NumberStyles.HexNumber, CultureInfo.InvariantCulture)}, before its call began (call_id epoch {epoch})"
                );
        }

        CustomerWhereDirectionSays(v, problems);
    }

    /// <summary>Acefone writes stamps in the webhook's zone (IST by default, or UTC): start_stamp must be the call_id's epoch in one of them.</summary>
    private static void StartMatchesEpoch(string text, DateTime start, long epoch, List<string> problems)
    {
        var gaps = Zones
            .Select(zone => (zone.Name, Gap: (long)(new DateTimeOffset(start, zone.Offset).ToUnixTimeSeconds() - epoch)))
            .ToList();
        if (gaps.Any(zone => zone.Gap is >= -5 and <= 60))
            return;
        problems.Add(
            $"start_stamp {text} is not the call_id epoch {epoch} in IST or UTC (read as {string.Join(", as ", gaps.Select(zone => $"{zone.Name} it is {zone.Gap} s away"))}); Acefone writes stamps in the webhook's time zone"
        );
    }

    /// <summary>Inbound, the customer calls from caller_id_number to the DID in call_to_number; outbound and click to call swap them.</summary>
    private static void CustomerWhereDirectionSays(IReadOnlyDictionary<string, string> v, List<string> problems)
    {
        var customerKey = AcefoneFieldChecks.CustomerKeys.FirstOrDefault(v.ContainsKey);
        if (customerKey is null || !v.TryGetValue("direction", out var direction))
            return;
        var inbound = direction.Contains("inbound", StringComparison.Ordinal);
        var numberKey = inbound ? "caller_id_number" : "call_to_number";
        if (!v.TryGetValue(numberKey, out var number))
            return;
        var customer = v[customerKey];
        if (Last10(customer) != Last10(number))
            problems.Add(
                $"{AcefoneFieldChecks.Name(customerKey)} {customer} is not {numberKey} {number}: on {direction} calls {numberKey} is the customer ("
                    + (
                        inbound
                            ? "caller_id_number the customer, call_to_number the DID"
                            : "call_to_number the customer, caller_id_number the DID"
                    )
                    + ")"
            );
    }

    private static void Seconds(IReadOnlyDictionary<string, string> v, string key, long expected, string rule, List<string> problems)
    {
        if (!v.TryGetValue(key, out var text) || text.Length == 0)
            return;
        var actual = long.Parse(text, CultureInfo.InvariantCulture);
        if (Math.Abs(actual - expected) > SecondsSlack)
            problems.Add($"{key} is {actual} s but {rule} is {expected} s");
    }

    private static DateTime? Time(IReadOnlyDictionary<string, string> v, string key) =>
        v.TryGetValue(key, out var text) && text.Length > 0 ? AcefoneFieldChecks.ParseTime(text) : null;

    private static string Last10(string number) => number.Length <= 10 ? number : number[^10..];
}
