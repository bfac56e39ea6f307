using System.Text.Json.Nodes;

namespace CallHooks.Conformance.Providers.MyOperatorV2;

/// <summary>
/// The documented 12-field root envelope, in the documented order, around an event-specific payload.
/// <c>event_sequence</c> counts the call's events from 1 (call.summary's number is a reading: the vendor's sample
/// carries 1) and is absent on disposition events, as documented; <c>system_identifier</c> is the DID and null on
/// call.summary "by design".
/// </summary>
internal static class V2Envelope
{
    public const int EventVersion = 1;

    public static readonly IReadOnlyList<string> Fields =
    [
        "event_id",
        "company_id",
        "event_type",
        "event_sequence",
        "event_version",
        "timestamp",
        "channel",
        "direction",
        "session_id",
        "system_identifier",
        "customer_identifier",
        "payload",
    ];

    public static JsonObject For(StepContext context, V2Choices choices)
    {
        var call = context.Call;
        var eventType = context.Step.Event;
        var envelope = new JsonObject
        {
            ["event_id"] = V2Ids.EventId(call, context.Index, eventType),
            ["company_id"] = call.CompanyId,
            ["event_type"] = eventType == V2EventTypes.Disposition ? choices.DispositionType : eventType,
        };
        if (eventType != V2EventTypes.Disposition)
            envelope["event_sequence"] = eventType == V2EventTypes.Summary && choices.SummaryIsFirst ? 1 : context.Index + 1;
        envelope["event_version"] = EventVersion;
        envelope["timestamp"] = V2Ids.Timestamp(SentAt(context));
        envelope["channel"] = "call";
        envelope["direction"] = call.IsOutgoing ? "outgoing" : "incoming";
        envelope["session_id"] = V2Ids.SessionId(call);
        envelope["system_identifier"] = eventType == V2EventTypes.Summary ? null : call.ServiceNumber.E164;
        envelope["customer_identifier"] = call.Customer.E164;
        envelope["payload"] = V2Payloads.For(eventType, call, choices);
        Override(envelope, context);
        return envelope;
    }

    /// <summary>
    /// The documented send time: when the event happened in the call (call.end at the call's end) plus the
    /// scenario's pauses so far (<see cref="StepContext.EventTime"/> minus the call's start). Scenarios pause
    /// milliseconds while calls last minutes, so the raw step time would put call.end before the call ended.
    /// </summary>
    public static DateTimeOffset SentAt(StepContext context) =>
        V2Payloads.HappenedAt(context.Step.Event, context.Call) + (context.EventTime - context.Call.StartedAt);

    /// <summary>
    /// A scenario's <c>set</c> and <c>unset</c>: names of envelope fields change the envelope, every other name
    /// changes the payload (the payload is where scenario authors usually want to reach).
    /// </summary>
    private static void Override(JsonObject envelope, StepContext context)
    {
        var payload = (JsonObject)envelope["payload"]!;
        foreach (var (field, value) in context.Step.Set)
            Target(envelope, payload, field)[field] = value?.DeepClone();
        foreach (var field in context.Step.Unset)
            Target(envelope, payload, field).Remove(field);
    }

    private static JsonObject Target(JsonObject envelope, JsonObject payload, string field) => Fields.Contains(field) ? envelope : payload;
}
