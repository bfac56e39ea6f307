using System.Text.Json;

namespace CallHooks.Conformance.Listener.MyOperatorV2;

/// <summary>
/// Checks of the event-specific payload. call.end and call.summary are read as the vendor's call.summary sample shapes
/// them: the call's id, customer, status, times and category, then its legs (<see cref="V2LegChecks"/>). The payloads
/// of the live events are not published, so only their times are checked: every string field named <c>*_at</c>, at any
/// depth, must be an ISO-8601 instant (null means not yet, and passes).
/// </summary>
internal static class V2PayloadChecks
{
    public static void Check(string eventType, JsonElement payload, V2Envelope envelope, List<string> problems)
    {
        InstantsUnder(payload, "payload", problems);
        if (eventType is not ("call.end" or "call.summary"))
            return;

        var fields = new V2Fields(payload, "payload", problems);
        var id = fields.Text("id", value => value.Length == 0 ? "must not be empty" : null);
        if (id is not null && envelope.SessionId is { } session && id != session)
            problems.Add($"payload.id {JsonText.Quote(id)} is not the envelope's session_id {JsonText.Quote(session)}");
        var direction = fields.Text("direction", value => V2Formats.OneOf(value, ["incoming", "outgoing"]));
        if (direction is not null && envelope.Direction is { } envelopeDirection && direction != envelopeDirection)
            problems.Add(
                $"payload.direction {JsonText.Quote(direction)} is not the envelope's direction {JsonText.Quote(envelopeDirection)}"
            );
        var customer = fields.Text("customer_number", value => V2Formats.IsE164(value) ? null : V2Formats.E164Hint);
        if (customer is not null && envelope.Customer is { } identifier && customer != identifier)
            problems.Add($"payload.customer_number {customer} is not the envelope's customer_identifier {identifier}");

        var status = fields.Text("status", value => V2Formats.OneOf(value, V2Formats.Statuses));
        fields.Text("category", value => V2Formats.OneOf(value, V2Formats.Categories));
        var duration = fields.Integer("duration", 0);
        fields.Text(
            "recording_filename",
            value => value.Contains("://", StringComparison.Ordinal) ? "must be a file name, not a URL" : null,
            optional: true
        );
        if (
            Time(payload, "started_at") is { } start
            && Time(payload, "ended_at") is { } end
            && duration is { } seconds
            && (long)(end - start).TotalSeconds != seconds
        )
            problems.Add($"payload.duration {seconds} does not match ended_at - started_at ({(long)(end - start).TotalSeconds} s)");
        if (payload.TryGetProperty("billable", out var billable) && billable.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            problems.Add($"payload.billable must be true or false, got {JsonText.Describe(billable)}");

        if (fields.Kind("legs", JsonValueKind.Array, "an array") is { } legs)
            V2LegChecks.Check(legs, status, customer, problems);
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
                problems.Add(
                    $"timestamp {timestamp:yyyy-MM-dd'T'HH:mm:ss.fffK} (send time) is before payload.{property.Name} {property.Value.GetString()}"
                );
        }
    }

    public static DateTimeOffset? Time(JsonElement element, string field) =>
        element.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && V2Formats.IsInstant(value.GetString()!)
            ? V2Formats.Instant(value.GetString()!)
            : null;

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
            if (
                property.Name.EndsWith("_at", StringComparison.Ordinal)
                && property.Value.ValueKind == JsonValueKind.String
                && !V2Formats.IsInstant(property.Value.GetString()!)
            )
                problems.Add($"{name} {V2Formats.IsoHint}, got {JsonText.Quote(property.Value.GetString()!)}");
            else
                InstantsUnder(property.Value, name, problems);
        }
    }
}
