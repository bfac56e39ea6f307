using System.Globalization;
using System.Text.Json.Nodes;
using CallHooks.Conformance.Calls;

namespace CallHooks.Conformance.Providers.Voipappz;

/// <summary>
/// The webhook body for one event, keyed and ordered as the seed's "supported field types". Values describe the
/// call as it stands at that event: before the answer there is no answer_at, cause or duration; the recording
/// exists once an answered call has ended; billing fields arrive with Call:Reporting, the final record.
/// Numbers are digits with country code and no plus, as the sample's did_number.
/// </summary>
internal static class VoipappzPayload
{
    /// <summary>A queue gives up on a caller after this long ("timeout"); a caller who hangs up sooner "abandoned".</summary>
    public const int QueueTimeoutSeconds = 30;

    public static JsonObject For(Call call, string eventId, VoipappzOptions options)
    {
        var stage = Stage.Of(eventId);
        var answered = call.Outcome is CallOutcome.Connected && stage >= Stage.Answered;
        var ended = stage >= Stage.Ended;
        var ring = stage >= Stage.Answered ? call.RingSeconds : 0;
        var duration = ended ? call.RingSeconds + call.TalkSeconds : ring;
        var agent = UserOf(call, answered);
        var billing = stage == Stage.Reported ? Billing(call, options) : (Seconds: (JsonNode?)null, Text: (string?)null);
        var uuid = Uuid(call);
        return new JsonObject
        {
            ["direction"] = call.IsOutgoing ? "outgoing" : "incoming",
            ["uuid"] = uuid,
            ["type"] = TypeOf(call.Type),
            ["created_at"] = CreatedAt(call),
            ["contact_number"] = call.Customer.Digits,
            ["caller_id_number"] = call.IsOutgoing ? call.ServiceNumber.Digits : call.Customer.Digits,
            ["duration"] = duration,
            ["ring_duration"] = ring,
            ["destination"] = "0" + (call.IsOutgoing ? call.Customer.National : call.ServiceNumber.National),
            ["start_at"] = Clock(call.StartedAt, options.LocalOffset),
            ["answer_at"] = answered ? Clock(call.AnsweredAt, options.LocalOffset) : null,
            ["environment_name"] = "ENV" + call.CompanyId[..4].ToUpperInvariant(),
            ["user_fullname"] = agent?.Name,
            ["user_name"] = agent is null ? "" : agent.Email.Split('@')[0],
            ["extension_username"] = agent?.Extension,
            ["cause"] =
                stage == Stage.Answered && eventId == VoipappzEvents.Answer ? "answer"
                : ended ? Cause(call.Outcome)
                : null,
            ["sip_status"] = SipStatus(call.Outcome, eventId, ended),
            ["recording_url"] = answered && ended ? "https://cloud.voipappz.io/recordings/" + uuid : null,
            ["duration_time"] = HoursMinutesSeconds(duration),
            ["billing_duration"] = billing.Seconds,
            ["billing_duration_time"] = billing.Text,
            ["did_number"] = call.ServiceNumber.Digits,
            ["did_name"] = call.ServiceNumber.Digits,
            ["queue_disposition"] = call.Type is CallType.Incoming && stage >= Stage.Answered ? QueueDisposition(call, answered) : null,
            ["ivr_name"] = eventId is VoipappzEvents.IvrStart or VoipappzEvents.IvrEnd ? "Main IVR" : null,
            // The sample's call_state is null and no value is documented: null until the docs say more.
            ["call_state"] = null,
            ["queue_name"] =
                call.Type is CallType.Incoming ? "Que" + ((call.Sequence % 9) + 1).ToString(CultureInfo.InvariantCulture) : null,
        };
    }

    /// <summary>A version-4-shaped UUID derived from the call's seeded entropy, like the sample's bfd7e62a-5a55-4286-9453-b4b4cfc5cca8.</summary>
    public static string Uuid(Call call)
    {
        var hex = call.Entropy.ToLowerInvariant().ToCharArray();
        hex[12] = '4';
        hex[16] = "89ab"[Convert.ToInt32(hex[16].ToString(), 16) & 3];
        var text = new string(hex);
        return $"{text[..8]}-{text[8..12]}-{text[12..16]}-{text[16..20]}-{text[20..32]}";
    }

    /// <summary>ISO-8601 in UTC with milliseconds and a numeric offset, as the sample's 2024-12-02T21:04:40.701+00:00.</summary>
    public static string CreatedAt(Call call) =>
        call
            .StartedAt.AddMilliseconds(Milliseconds(call))
            .ToUniversalTime()
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+00:00'", CultureInfo.InvariantCulture);

    /// <summary>The sub-second part of the call's creation, derived from its entropy (the canonical call keeps whole seconds).</summary>
    public static int Milliseconds(Call call) => Convert.ToInt32(call.Entropy[^3..], 16) % 1000;

    public static string HoursMinutesSeconds(long seconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:00}:{seconds / 60 % 60:00}:{seconds % 60:00}");

    private static string Clock(DateTimeOffset instant, TimeSpan offset) =>
        instant.ToOffset(offset).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Only did_to_que is documented; the outbound types follow its source_to_target pattern. [inferred]</summary>
    private static string TypeOf(CallType type) =>
        type switch
        {
            CallType.Incoming => "did_to_que",
            CallType.ClickToCall => "ext_to_out",
            _ => "api_to_out",
        };

    /// <summary>The agent a user field names: the one who answered, or on click-to-call the one who placed the call.</summary>
    private static Agent? UserOf(Call call, bool answered) => answered || call.Type is CallType.ClickToCall ? call.Agents[0] : null;

    /// <summary>The documented causes: answer, busy, no_answer. A rejected call is busy; anything unanswered is no_answer.</summary>
    private static string Cause(CallOutcome outcome) =>
        outcome switch
        {
            CallOutcome.Connected => "answer",
            CallOutcome.Rejected => "busy",
            _ => "no_answer",
        };

    /// <summary>The terminator's SIP final response (as a string, like the sample's "200"); 180 while ringing.</summary>
    private static string? SipStatus(CallOutcome outcome, string eventId, bool ended) =>
        eventId switch
        {
            VoipappzEvents.Ringing => "180",
            VoipappzEvents.Answer => "200",
            _ when ended => outcome switch
            {
                CallOutcome.Connected => "200",
                CallOutcome.Rejected => "486",
                _ => "480",
            },
            _ => null,
        };

    private static string QueueDisposition(Call call, bool answered) =>
        answered || call.Outcome is CallOutcome.Connected ? "answer"
        : call.RingSeconds >= QueueTimeoutSeconds ? "timeout"
        : "abandoned";

    private static (JsonNode? Seconds, string? Text) Billing(Call call, VoipappzOptions options)
    {
        if (!options.BillingAsSample)
            return (JsonValue.Create(call.TalkSeconds), HoursMinutesSeconds(call.TalkSeconds));
        var end = call.EndedAt.ToUnixTimeSeconds();
        return (JsonValue.Create(end), HoursMinutesSeconds(end % 3600));
    }

    /// <summary>How far the call has got at an event; each stage fills in more fields.</summary>
    private static class Stage
    {
        public const int Started = 0;
        public const int Answered = 1;
        public const int Ended = 2;
        public const int Reported = 3;

        public static int Of(string eventId) =>
            eventId switch
            {
                VoipappzEvents.Answer => Answered,
                VoipappzEvents.Hangup => Ended,
                VoipappzEvents.Reporting => Reported,
                _ => Started,
            };
    }
}
