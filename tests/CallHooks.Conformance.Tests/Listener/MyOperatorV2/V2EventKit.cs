using System.Text.Json.Nodes;

namespace CallHooks.Conformance.Tests.Listener.MyOperatorV2;

/// <summary>Hand-written v2 events for the listener's tests; nothing comes from the sender's code.</summary>
internal static class V2EventKit
{
    public const string Path = "/myoperator-v2/hook";
    public const string Session = "n2.1596270949.2175190";

    private const string EndTemplate = """
        {
          "event_id": "evt-end-1",
          "company_id": "5cd40f6554442586",
          "event_type": "call.end",
          "event_sequence": 4,
          "event_version": 1,
          "timestamp": "2020-08-01T08:37:10.000Z",
          "channel": "call",
          "direction": "incoming",
          "session_id": "n2.1596270949.2175190",
          "system_identifier": "+911161568087",
          "customer_identifier": "+919711636496",
          "payload": {
            "status": "bridged",
            "started_at": "2020-08-01T08:35:49.000Z",
            "answered_at": "2020-08-01T08:36:00.000Z",
            "ended_at": "2020-08-01T08:37:09.000Z",
            "duration": 80,
            "ring_duration": 11,
            "talk_duration": 69,
            "legs": [
              { "dial_status": "ANSWER", "ring_started_at": "2020-08-01T08:35:49.000Z", "answered_at": "2020-08-01T08:36:00.000Z", "ended_at": "2020-08-01T08:37:09.000Z", "ring_duration": 11, "duration": 69 }
            ]
          }
        }
        """;

    /// <summary>A valid call.end, changed by <paramref name="change"/>.</summary>
    public static string End(Action<JsonObject>? change = null)
    {
        var envelope = JsonNode.Parse(EndTemplate)!.AsObject();
        change?.Invoke(envelope);
        return envelope.ToJsonString();
    }

    /// <summary>A valid event of another type: the end template with its payload replaced.</summary>
    public static string Event(string eventId, string eventType, int? sequence, string timestamp = "2020-08-01T08:35:50.000Z") => End(envelope =>
    {
        envelope["event_id"] = eventId;
        envelope["event_type"] = eventType;
        envelope["timestamp"] = timestamp;
        if (sequence is { } number)
            envelope["event_sequence"] = number;
        else
            envelope.Remove("event_sequence");
        envelope["payload"] = new JsonObject();
    });

    public static JsonObject Payload(JsonObject envelope) => envelope["payload"]!.AsObject();
}
