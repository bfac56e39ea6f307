using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CallHooks.Conformance.Calls;

namespace CallHooks.Conformance.Providers.Acefone;

/// <summary>
/// Acefone-shaped ids and small choices derived from the call's seeded entropy (or an agent's id), each under
/// its own purpose label so no two derived values share bits. Same call, same values.
/// </summary>
internal static class Derived
{
    private static readonly string[] Operators = ["Reliance Jio", "Airtel", "Vodafone Idea", "BSNL/MTNL"];
    private static readonly string[] Circles =
    [
        "Delhi",
        "Mumbai",
        "Karnataka",
        "Tamil Nadu",
        "Kolkata",
        "Maharashtra & Goa",
        "UP East",
        "Gujarat",
    ];
    private static readonly string[] Campaigns = ["Renewal reminders", "Lead follow-up", "Payment reminders", "Feedback survey"];

    /// <summary><c>&lt;epoch&gt;.&lt;seq&gt;</c> as in <c>1775719461.306731</c>: the call's start second and its sequence.</summary>
    public static string CallId(Call call) =>
        string.Create(CultureInfo.InvariantCulture, $"{call.StartedAt.ToUnixTimeSeconds()}.{call.Sequence}");

    /// <summary>
    /// <c>call_id</c> as two of three Smartflo tenants send it: the node that handled the call, a dash, then the plain id
    /// (<c>h11.08-1770532638.2135633</c>). The node is drawn from the call, in the first captured node's shape.
    /// </summary>
    public static string CallIdWithNode(Call call)
    {
        var node = Number(call.Entropy, "node");
        return string.Create(CultureInfo.InvariantCulture, $"h{1 + (node % 16)}.{1 + (node / 16 % 12):00}-{CallId(call)}");
    }

    /// <summary>
    /// A leg's <c>uuid</c>: real traffic carries PHP <c>uniqid()</c> values (<c>69d75426f0a9f</c>: 8 hex digits of the
    /// leg's epoch second, 5 of its microseconds). The microseconds step by a number coprime to a million, so no two
    /// legs of a call ever share one.
    /// </summary>
    public static string LegUuid(Call call, int leg, DateTimeOffset legStart)
    {
        var micros = (Number(call.Entropy, "leg-micros") + ((ulong)leg * 137_911UL)) % 1_000_000UL;
        return string.Create(CultureInfo.InvariantCulture, $"{legStart.ToUnixTimeSeconds():x8}{micros:x5}");
    }

    /// <summary>Agent ids and seats are 13 digits in real payloads (<c>0507297260059</c>, <c>0607297260058</c>).</summary>
    public static string AgentId(Agent agent) =>
        "05" + (Number(agent.Id, "agent-id") % 100_000_000_000UL).ToString("D11", CultureInfo.InvariantCulture);

    public static string AgentSeat(Agent agent) =>
        "06" + (Number(agent.Id, "agent-seat") % 100_000_000_000UL).ToString("D11", CultureInfo.InvariantCulture);

    /// <summary>The IVR option the caller pressed: one digit, 1 to 9.</summary>
    public static string Digit(Call call) => (1 + (Number(call.Entropy, "dtmf") % 9)).ToString(CultureInfo.InvariantCulture);

    /// <summary>Seconds the agent's phone rang before a click-to-call agent picked up: 1 to 3, always short of the whole ring.</summary>
    public static int AgentRingSeconds(Call call) =>
        (int)Math.Min(1 + (Number(call.Entropy, "agent-ring") % 3), (ulong)Math.Max(1, call.RingSeconds - 1));

    public static bool CallerHungUp(Call call) => Number(call.Entropy, "hangup-side") % 2 == 0;

    public static (string Operator, string Circle) BillingCircle(Call call) =>
        (
            Operators[Number(call.Entropy, "operator") % (ulong)Operators.Length],
            Circles[Number(call.Entropy, "circle") % (ulong)Circles.Length]
        );

    public static (string Name, string Id) Campaign(Call call) =>
        (
            Campaigns[Number(call.Entropy, "campaign") % (ulong)Campaigns.Length],
            (10_000 + (Number(call.Entropy, "campaign-id") % 90_000)).ToString(CultureInfo.InvariantCulture)
        );

    /// <summary>A random-looking (version 4) UUID, the shape of Smartflo's click-to-call <c>ref_id</c>.</summary>
    public static string RandomUuid(Call call, string purpose)
    {
        var bytes = Hash(call.Entropy, purpose).AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    /// <summary>The recording's id in the platform's storage: 32 hex digits [assumption: the shape is not shown].</summary>
    public static string RecordingIdentifier(Call call) => Convert.ToHexStringLower(Hash(call.Entropy, "recording-storage").AsSpan(0, 16));

    /// <summary>The token a recording URL carries: 32 hex digits.</summary>
    public static string Token(Call call) => Convert.ToHexStringLower(Hash(call.Entropy, "recording-token").AsSpan(0, 16));

    private static ulong Number(string seed, string purpose) => BitConverter.ToUInt64(Hash(seed, purpose), 0);

    private static byte[] Hash(string seed, string purpose) => SHA256.HashData(Encoding.UTF8.GetBytes(seed + "/" + purpose));
}
