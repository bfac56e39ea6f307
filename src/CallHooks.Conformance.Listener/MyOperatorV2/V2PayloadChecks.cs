using System.Text.Json;

namespace CallHooks.Conformance.Listener.MyOperatorV2;

/// <summary>
/// Checks of the event-specific payload. Only what MyOperator documents is demanded: the status of a finished call
/// (bridged, missed, voicemail) and each leg's dial_status. Times, where a field ending in <c>_at</c> is present, must
/// be ISO-8601 instants, and a call's durations must agree with its own start and end.
/// </summary>
internal static class V2PayloadChecks
{
    public static void Check(string eventType, JsonElement payload, List<string> problems)
    {
        InstantsUnder(payload, "payload", problems);
        if (eventType is not ("call.end" or "call.summary"))
            return;

        var fields = new V2Fields(payload, "payload", problems);
        var status = fields.Text("status", value => V2Formats.OneOf(value, V2Formats.Statuses));
        var duration = fields.Integer("duration", 0, optional: true);
        fields.Integer("ring_duration", 0, optional: true);
        var talk = fields.Integer("talk_duration", 0, optional: true);
        var answered = new List<bool>();
        var legs = fields.Kind("legs", JsonValueKind.Array, "an array");
        if (legs is { } array)
        {
            var index = 0;
            foreach (var leg in array.EnumerateArray())
                answered.Add(Leg(leg, $"payload.legs[{index++}]", problems));
        }

        if (duration is { } total && talk is { } talking && talking > total)
            problems.Add($"payload.talk_duration {talking} is longer than payload.duration {total}");
        if (duration is { } seconds && Time(payload, "started_at") is { } start && Time(payload, "ended_at") is { } end
            && (long)(end - start).TotalSeconds != seconds)
            problems.Add($"payload.duration {seconds} does not match ended_at - started_at ({(long)(end - start).TotalSeconds} s)");
        if (status == "bridged" && legs is not null && !answered.Contains(true))
            problems.Add("payload.status is \"bridged\" but no leg has dial_status \"ANSWER\"");
        if (status == "bridged" && payload.TryGetProperty("answered_at", out var at) && at.ValueKind == JsonValueKind.Null)
            problems.Add("payload.status is \"bridged\" but payload.answered_at is null");
    }

    /// <summary>
    /// The timestamp is documented as send time, so it cannot precede what the payload reports as done
    /// (a call.end sent before its own ended_at was built from the wrong clock).
    /// </summary>
    public static void NotSentBeforeItHappened(DateTimeOffset timestamp, JsonElement payload, List<string> problems)
    {
        foreach (var property in payload.EnumerateObject().Where(property => property.Name.EndsWith("_at", StringComparison.Ordinal)))
        {
            if (Time(payload, property.Name) is { } happened && happened > timestamp)
                problems.Add($"timestamp {timestamp:yyyy-MM-dd'T'HH:mm:ss.fffK} (send time) is before payload.{property.Name} {property.Value.GetString()}");
        }
    }

    /// <summary>Returns whether the leg was answered.</summary>
    private static bool Leg(JsonElement leg, string path, List<string> problems)
    {
        if (leg.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path} must be an object, got {JsonText.Describe(leg)}");
            return false;
        }

        var fields = new V2Fields(leg, path, problems);
        var status = fields.Text("dial_status", value => V2Formats.OneOf(value, V2Formats.DialStatuses));
        fields.Integer("duration", 0, optional: true);
        fields.Integer("ring_duration", 0, optional: true);
        return status == "ANSWER";
    }

    /// <summary>Every string field named <c>*_at</c>, at any depth, must be an instant (null means not yet, and passes).</summary>
    private static void InstantsUnder(JsonElement element, string path, List<string> problems)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
                InstantsUnder(item, $"{path}[{index++}]", problems);
            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
            return;
        foreach (var property in element.EnumerateObject())
        {
            var name = path + "." + property.Name;
            if (property.Name.EndsWith("_at", StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.String
                && !V2Formats.IsInstant(property.Value.GetString()!))
                problems.Add($"{name} {V2Formats.IsoHint}, got {JsonText.Quote(property.Value.GetString()!)}");
            else
                InstantsUnder(property.Value, name, problems);
        }
    }

    private static DateTimeOffset? Time(JsonElement payload, string field) =>
        payload.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && V2Formats.IsInstant(value.GetString()!)
            ? V2Formats.Instant(value.GetString()!)
            : null;
}
