using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CallHooks.Conformance.Calls;
using CallHooks.Conformance.Generation;
using CallHooks.Conformance.Providers.MyOperatorInCall;

namespace CallHooks.Conformance.Providers.MyOperatorV2;

/// <summary>
/// The identifiers and time formats of v2 bodies. <c>session_id</c> (and <c>payload.id</c>, its copy) is shaped
/// <c>&lt;node&gt;.&lt;epoch&gt;.&lt;n&gt;</c> in the vendor's sample and in account bodies, the shape of v1's uid: the call's
/// uid, so a CRM that ran v1 beside v2 can join them. <c>event_id</c> is a name-based UUID; <c>ref_id</c>, MyOperator's
/// own reference, is a time-based UUID as in account bodies.
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
        return Uuid(hash);
    }

    /// <summary>MyOperator's own reference for an outbound call: a version-1 UUID stamped with the call's start.</summary>
    public static string RefId(Call call) => TimeBasedUuid.Create(call.StartedAt, Bits(call.Entropy, "v2-ref-id"));

    /// <summary>32 hex digits for an agent's user uuid, derived from the agent's id.</summary>
    public static string AgentUuid(Agent agent) => Convert.ToHexStringLower(Hash(agent.Id, "v2-agent-uuid").AsSpan(0, 16));

    /// <summary>A 16-hex-digit id of the platform's shape (company, department, campaign ids), derived for one purpose.</summary>
    public static string HexId(Call call, string purpose) => Convert.ToHexStringLower(Hash(call.Entropy, purpose).AsSpan(0, 8));

    /// <summary>The envelope's send time: ISO-8601 in UTC with milliseconds, e.g. <c>2026-01-15T09:30:00.200Z</c>.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Payload times: ISO-8601 in UTC to the second with an explicit offset, e.g. <c>2026-04-14T05:28:04+00:00</c>.</summary>
    public static string PayloadTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    private static ulong Bits(string seed, string purpose) => BitConverter.ToUInt64(Hash(seed, purpose), 0);

    private static byte[] Hash(string seed, string purpose) => SHA256.HashData(Encoding.UTF8.GetBytes(seed + "/" + purpose));

    private static string Uuid(byte[] bytes)
    {
        var hex = Convert.ToHexStringLower(bytes.AsSpan(0, 16));
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }
}
