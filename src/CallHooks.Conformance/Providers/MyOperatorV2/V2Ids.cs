using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CallHooks.Conformance.Calls;
using CallHooks.Conformance.Providers.MyOperatorInCall;

namespace CallHooks.Conformance.Providers.MyOperatorV2;

/// <summary>
/// The identifiers of the v2 envelope. MyOperator documents what they mean, not their shape, so the shapes are
/// our choice: <c>session_id</c> is the call's v1 uid (v1 and v2 run side by side until v1 retires on
/// 31 July 2026, and one key lets a CRM join both), and <c>event_id</c> is a name-based UUID.
/// </summary>
internal static class V2Ids
{
    /// <summary>Stable for every event of one call: the v1 uid, <c>&lt;node&gt;.&lt;epoch&gt;.&lt;seq&gt;</c>.</summary>
    public static string SessionId(Call call) => CallLog.Uid(call);

    /// <summary>
    /// A version-8 UUID (RFC 9562, name-based with SHA-256) over the call's seeded entropy, the step's position
    /// and its event type: unique per event, and the same bytes every time the same event is built, as a retry
    /// of one event carries one id.
    /// </summary>
    public static string EventId(Call call, int index, string eventType)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{call.Entropy}/{index}/{eventType}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(hash.AsSpan(0, 16));
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }

    /// <summary>ISO-8601 in UTC with milliseconds, e.g. <c>2026-01-15T09:30:00.200Z</c>.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
