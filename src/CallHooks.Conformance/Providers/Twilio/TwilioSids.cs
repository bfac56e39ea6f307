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
}
