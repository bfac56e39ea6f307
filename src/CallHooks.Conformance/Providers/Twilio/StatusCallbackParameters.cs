using System.Globalization;
using System.Text.Json.Nodes;
using CallHooks.Conformance.Calls;

namespace CallHooks.Conformance.Providers.Twilio;

/// <summary>
/// The parameters of one voice status callback, in a fixed order (Twilio's own order varies between requests;
/// the signature sorts them anyway). Fields: the standard request parameters (AccountSid, ApiVersion, CallSid,
/// CallStatus, Direction, From, To, Caller, Called), the status callback ones (CallbackSource, SequenceNumber,
/// Timestamp, and CallDuration on the completed event only), and the geographic lookups Twilio adds for both
/// numbers, which for Indian numbers carry only the country.
/// </summary>
internal static class StatusCallbackParameters
{
    public const string ApiVersion = "2010-04-01";
    public const string CallbackSource = "call-progress-events";

    /// <summary>RFC 2822 in UTC, as Twilio prints it: <c>Thu, 15 Jan 2026 09:30:00 +0000</c>.</summary>
    public const string TimestampFormat = "ddd, dd MMM yyyy HH:mm:ss '+0000'";

    public static List<KeyValuePair<string, string>> For(StepContext context)
    {
        var call = context.Call;
        var eventId = context.Step.Event;
        var (from, to) = call.Type is CallType.Incoming ? (call.Customer, call.ServiceNumber) : (call.ServiceNumber, call.Customer);
        var timestamp = DateTimeOffset
            .FromUnixTimeSeconds(context.EventTime.ToUnixTimeSeconds())
            .AddSeconds(TwilioEvents.SecondsIntoCall(eventId, call));

        var parameters = new List<KeyValuePair<string, string>>
        {
            new("AccountSid", TwilioSids.AccountSid(call)),
            new("ApiVersion", ApiVersion),
            new("CallSid", TwilioSids.CallSid(call)),
            new("CallStatus", TwilioEvents.CallStatus(eventId, call.Outcome)),
            new("Direction", Direction(call.Type)),
            new("From", from.E164),
            new("To", to.E164),
            new("Caller", from.E164),
            new("Called", to.E164),
            new("CallbackSource", CallbackSource),
            new("SequenceNumber", context.Index.ToString(CultureInfo.InvariantCulture)),
            new("Timestamp", timestamp.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture)),
        };
        if (eventId == TwilioEvents.Completed)
            parameters.Add(new("CallDuration", call.TalkSeconds.ToString(CultureInfo.InvariantCulture)));
        foreach (var role in (string[])["From", "To", "Caller", "Called"])
        {
            var number = role is "From" or "Caller" ? from : to;
            parameters.Add(new(role + "City", ""));
            parameters.Add(new(role + "State", ""));
            parameters.Add(new(role + "Zip", ""));
            parameters.Add(new(role + "Country", Country(number)));
        }

        Override(parameters, context);
        return parameters;
    }

    /// <summary>API-created calls (dialer and click-to-call) are <c>outbound-api</c>; <c>outbound-dial</c> is a &lt;Dial&gt; child leg.</summary>
    public static string Direction(CallType type) => type is CallType.Incoming ? "inbound" : "outbound-api";

    private static string Country(Calls.PhoneNumber number) => number.CountryCode == "91" ? "IN" : "";

    /// <summary>A scenario's <c>set</c> replaces a parameter in place (or appends a new one); <c>unset</c> removes it.</summary>
    private static void Override(List<KeyValuePair<string, string>> parameters, StepContext context)
    {
        foreach (var (name, value) in context.Step.Set)
        {
            var text = value switch
            {
                null => "",
                JsonValue json when json.TryGetValue<string>(out var s) => s,
                _ => value.ToJsonString(),
            };
            var index = parameters.FindIndex(pair => pair.Key == name);
            if (index >= 0)
                parameters[index] = new(name, text);
            else
                parameters.Add(new(name, text));
        }

        foreach (var name in context.Step.Unset)
            parameters.RemoveAll(pair => pair.Key == name);
    }
}
