using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CallHooks.Conformance.Providers.StandardWebhooks;

/// <summary>The Standard Webhooks v1 signature: Base64(HMAC-SHA256(key, id + "." + timestamp + "." + body)), prefixed <c>v1,</c>.</summary>
internal static class StandardWebhooksSigner
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    public static string Sign(byte[] key, string messageId, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(messageId + "." + unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }
}
