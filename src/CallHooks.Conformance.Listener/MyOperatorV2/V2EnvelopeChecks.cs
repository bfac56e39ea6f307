using System.Buffers;
using System.Text;
using System.Text.Json;

namespace CallHooks.Conformance.Listener.MyOperatorV2;

/// <summary>
/// Checks the documented 12-field root envelope of one v2 event by name, every problem at once. Extra fields
/// pass (providers add fields); a missing or mistyped documented field, or a value outside its documented set, fails.
/// </summary>
internal static class V2EnvelopeChecks
{
    public static (V2Delivery? Delivery, IReadOnlyList<string> Problems) Check(JsonElement root)
    {
        var problems = new List<string>();
        var fields = new V2Fields(root, "", problems);
        var eventId = fields.Text("event_id", NotEmpty);
        var companyId = fields.Text("company_id", NotEmpty);
        var eventType = fields.Text("event_type", value => V2Formats.OneOf(value, V2Formats.EventTypes));

        // Documented as "absent on disposition": every call event must carry it, a disposition may.
        var sequence = fields.Integer("event_sequence", 1, optional: eventType is null || V2Formats.IsDisposition(eventType));
        fields.Integer("event_version", 1);
        var timestamp = fields.Text("timestamp", value => V2Formats.IsInstant(value) ? null : V2Formats.IsoHint);
        fields.Text("channel", value => value == "call" ? null : "must be \"call\" for call events");
        var direction = fields.Text("direction", value => V2Formats.OneOf(value, ["incoming", "outgoing"]));
        var sessionId = fields.Text("session_id", NotEmpty);

        // "null on call.summary by design"; the DID everywhere else.
        var mayBeNull = eventType == "call.summary" || V2Formats.IsDisposition(eventType);
        fields.Text("system_identifier", NotEmpty, nullable: mayBeNull);
        var customer = fields.Text("customer_identifier", value => V2Formats.IsE164(value) ? null : V2Formats.E164Hint);
        if (fields.Kind("payload", JsonValueKind.Object, "an object") is { } payload && eventType is not null)
        {
            V2PayloadChecks.Check(eventType, payload, new V2Envelope(sessionId, customer, direction), problems);
            if (timestamp is not null)
                V2PayloadChecks.NotSentBeforeItHappened(V2Formats.Instant(timestamp), payload, problems);
        }

        if (
            problems.Count > 0
            || eventId is null
            || companyId is null
            || eventType is null
            || sessionId is null
            || direction is null
            || customer is null
        )
            return (null, problems);
        return (new V2Delivery(eventId, eventType, sequence, sessionId, companyId, direction, customer, Fingerprint(root)), problems);
    }

    private static string? NotEmpty(string value) => string.IsNullOrWhiteSpace(value) ? "must not be empty" : null;

    /// <summary>
    /// The envelope without <c>timestamp</c>, compacted. MyOperator documents the timestamp as send time, so a retry
    /// of one event may carry a new one; everything else must repeat exactly.
    /// </summary>
    private static string Fingerprint(JsonElement root)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in root.EnumerateObject().Where(property => property.Name != "timestamp"))
                property.WriteTo(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
