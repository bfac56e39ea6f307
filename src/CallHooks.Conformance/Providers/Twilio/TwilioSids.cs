using System.Security.Cryptography;
using System.Text;
using CallHooks.Conformance.Calls;

namespace CallHooks.Conformance.Providers.Twilio;

/// <summary>Twilio's 34-character SIDs: a two-letter type prefix and 32 lowercase hex digits.</summary>
internal static class TwilioSids
{
    /// <summary><c>CA</c> + the call's seeded entropy: one CallSid per call, the same on every event.</summary>
    public static string CallSid(Call call) => "CA" + call.Entropy.ToLowerInvariant();

    /// <summary>
    /// <c>AC</c> + 32 hex digits hashed from the company id: the account is the company's, so every call of one
    /// company shares it, and the value is reproducible from the seed.
    /// </summary>
    public static string AccountSid(Call call)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("twilio-account:" + call.CompanyId));
        return "AC" + Convert.ToHexStringLower(hash, 0, 16);
    }

    /// <summary>
    /// <c>I-Twilio-Idempotency-Token</c> of the call's event at <paramref name="index"/>: one token per webhook, the same
    /// when that webhook is retried. Twilio documents the header, not the token's shape: a UUID's shape is assumed
    /// (docs/providers/twilio.md says so), hashed from the call's seeded entropy so a seed replays it.
    /// </summary>
    public static string IdempotencyToken(Call call, int index)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"twilio-idempotency:{call.Entropy}:{index}"));
        return new Guid(hash.AsSpan(0, 16)).ToString("D");
    }
}
