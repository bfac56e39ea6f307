using System.Text.Json.Nodes;

namespace CallHooks.Conformance.Tests.Listener.MyOperatorV2;

/// <summary>Hand-written v2 events for the listener's tests; nothing comes from the sender's code.</summary>
internal static class V2EventKit
{
    public const string Path = "/myoperator-v2/hook";
    public const string Session = "n2.1596270949.2175190";

    /// <summary>
    /// A call.end in the shape of MyOperator's call.summary sample: the customer's connected leg, a busy agent, then the
    /// agent who answered; 80 s from start to end, 69 s of talk.
    /// </summary>
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
            "id": "n2.1596270949.2175190",
            "direction": "incoming",
            "customer_number": "+919711636496",
            "status": "bridged",
            "started_at": "2020-08-01T08:35:49+00:00",
            "ended_at": "2020-08-01T08:37:09+00:00",
            "category": "incoming",
            "location": "DL, IN",
            "duration": 80,
            "recording_filename": "7b8aff0c1d2e3f405162738495a6b7c8-v2.mp3",
            "obd_campaign": null,
            "legs": [
              { "leg_index": 1, "type": "customer", "result": "connected", "dial_status": "", "phone_number": "+919711636496", "talk_duration": 80, "ring_duration": null,
                "started_at": "2020-08-01T08:35:49+00:00", "ended_at": "2020-08-01T08:37:09+00:00", "answered_at": null, "pickup_device": null },
              { "leg_index": 2, "type": "agent", "result": "not_answered", "dial_status": "BUSY", "phone_number": "+918586848544", "talk_duration": null, "ring_duration": 5,
                "started_at": "2020-08-01T08:35:49+00:00", "ended_at": "2020-08-01T08:35:54+00:00", "answered_at": null, "pickup_device": null },
              { "leg_index": 3, "type": "agent", "result": "answered", "dial_status": "ANSWER", "phone_number": "+918586848545", "talk_duration": 69, "ring_duration": 6,
                "started_at": "2020-08-01T08:35:54+00:00", "ended_at": "2020-08-01T08:37:09+00:00", "answered_at": "2020-08-01T08:36:00+00:00", "pickup_device": "phone" }
            ],
            "billable": true,
            "ref_id": "",
            "client_ref_id": "",
            "did": "+911161568087"
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
    public static string Event(string eventId, string eventType, int? sequence, string timestamp = "2020-08-01T08:35:50.000Z") =>
        End(envelope =>
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
