using System.Security.Cryptography;
using System.Text;

namespace CallHooks.Conformance.Tests.Listener;

/// <summary>Hand-written Twilio status callbacks for the listener's tests; nothing comes from the sender's code.</summary>
internal static class TwilioKit
{
    public const string CallSid = "CA0123456789abcdef0123456789abcdef";
    public const string Token = "f00dfeedf00dfeedf00dfeedf00dfeed";

    /// <summary>The test auth token the listener verifies with when it is given none (callhooks signs with it then).</summary>
    public const string TestToken = "callhooks-test-auth-token";

    public static List<KeyValuePair<string, string>> Callback(
        int sequence,
        string status,
        string timestamp = "Thu, 15 Jan 2026 09:30:00 +0000",
        string? duration = null
    )
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("AccountSid", "ACfedcba9876543210fedcba9876543210"),
            new("ApiVersion", "2010-04-01"),
            new("CallSid", CallSid),
            new("CallStatus", status),
            new("Direction", "outbound-api"),
            new("From", "+918040001234"),
            new("To", "+919812345678"),
            new("CallbackSource", "call-progress-events"),
            new("SequenceNumber", sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Timestamp", timestamp),
        };
        if (duration is not null)
            fields.Add(new("CallDuration", duration));
        return fields;
    }

    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> fields, string name, string? value)
    {
        var copy = fields.Where(pair => pair.Key != name).ToList();
        if (value is not null)
            copy.Add(new(name, value));
        return copy;
    }

    public static string Encode(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join("&", fields.Select(pair => Uri.EscapeDataString(pair.Key) + "=" + Uri.EscapeDataString(pair.Value)));

    /// <summary>Twilio's scheme, written out here: HMAC-SHA1 over the URL and the sorted name+value pairs.</summary>
    public static string Sign(string url, IEnumerable<KeyValuePair<string, string>> form, string token = Token)
    {
        var data = url + string.Concat(form.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Key + pair.Value));
#pragma warning disable CA5350 // Twilio's scheme
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(data)));
#pragma warning restore CA5350
    }
}
