using System.Text.Json;

namespace CallHooks.Conformance.Listener.MyOperatorV2;

/// <summary>
/// <c>payload.legs</c> of a finished call, read leg by leg as account bodies shape them: numbered from 1 in order, a
/// customer or agent leg each, with a result and dial status that agree (an answered leg was answered, has an answer
/// time and talk time), and a bridged call has an answered agent leg.
/// </summary>
internal static class V2LegChecks
{
    public static void Check(JsonElement legs, string? status, string? customer, List<string> problems)
    {
        var index = 0;
        var answeredAgent = false;
        var customerLeg = false;
        foreach (var leg in legs.EnumerateArray())
        {
            var path = $"payload.legs[{index}]";
            index++;
            if (leg.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{path} must be an object, got {JsonText.Describe(leg)}");
                continue;
            }

            var fields = new V2Fields(leg, path, problems);
            if (fields.Integer("leg_index", 1) is { } position && position != index)
                problems.Add($"{path}.leg_index is {position}; legs are numbered from 1 in order, so it must be {index}");
            var type = fields.Text("type", value => V2Formats.OneOf(value, V2Formats.LegTypes));
            var result = fields.Text("result", value => V2Formats.OneOf(value, V2Formats.LegResults));
            var dialStatus = fields.Text("dial_status", value => V2Formats.OneOf(value, V2Formats.DialStatuses));
            var number = fields.Text("phone_number", value => V2Formats.IsE164(value) ? null : V2Formats.E164Hint);
            var answeredAt = V2PayloadChecks.Time(leg, "answered_at");
            var talk = NullableInteger(leg, path, "talk_duration", problems);
            NullableInteger(leg, path, "ring_duration", problems);

            if (result == "answered" && dialStatus is not null && AnsweredGaps(dialStatus, answeredAt, talk) is { Count: > 0 } gaps)
                problems.Add(
                    $"{path} has result \"answered\" but {string.Join(", ", gaps)}: an answered leg has dial_status ANSWER, an answered_at and a talk_duration"
                );
            if (result == "not_answered" && (answeredAt is not null || talk is not null))
                problems.Add($"{path} has result \"not_answered\" but an answer time or talk time");
            if (type == "customer")
            {
                customerLeg = true;
                if (number is not null && customer is not null && number != customer)
                    problems.Add($"{path} is the customer's leg but phone_number {number} is not payload.customer_number {customer}");
            }

            answeredAgent |= type == "agent" && result == "answered";
        }

        if (index == 0)
            problems.Add("payload.legs is empty; a finished call has at least its customer's or its first agent's leg");
        if (status == "bridged" && !answeredAgent)
            problems.Add("payload.status is \"bridged\" but no agent leg has result \"answered\"");
        if (status == "bridged" && !customerLeg)
            problems.Add("payload.status is \"bridged\" but no leg is the customer's");
    }

    private static List<string> AnsweredGaps(string dialStatus, DateTimeOffset? answeredAt, long? talk)
    {
        var gaps = new List<string>();
        if (dialStatus != "ANSWER")
            gaps.Add("dial_status " + JsonText.Quote(dialStatus));
        if (answeredAt is null)
            gaps.Add("no answered_at");
        if (talk is null)
            gaps.Add("no talk_duration");
        return gaps;
    }

    private static long? NullableInteger(JsonElement leg, string path, string field, List<string> problems)
    {
        if (!leg.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (
            value.ValueKind == JsonValueKind.Number
            && value.TryGetInt64(out var number)
            && number >= 0
            && !value.GetRawText().Any(c => c is '.' or 'e' or 'E')
        )
            return number;
        problems.Add($"{path}.{field} must be a whole number of seconds or null, got {JsonText.Describe(value)}");
        return null;
    }
}
