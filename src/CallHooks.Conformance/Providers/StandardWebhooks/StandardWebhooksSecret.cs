namespace CallHooks.Conformance.Providers.StandardWebhooks;

/// <summary>
/// A Standard Webhooks symmetric key as users are given it: <c>whsec_</c> + base64 of 24 to 64 random bytes
/// (the specification: "at least 24 bytes (192 bits, 512 maximum)").
/// </summary>
internal static class StandardWebhooksSecret
{
    public const string Prefix = "whsec_";
    public const int MinBytes = 24;
    public const int MaxBytes = 64;

    /// <summary>What is wrong with <paramref name="secret"/>, as a sentence that never repeats it; null when valid.</summary>
    public static string? Problem(string secret)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal))
            return $"--secret: a Standard Webhooks key starts with '{Prefix}' followed by base64";
        var key = TryDecode(secret);
        if (key is null)
            return $"--secret: the part after '{Prefix}' is not valid base64";
        if (key.Length is < MinBytes or > MaxBytes)
            return $"--secret: the key decodes to {key.Length} bytes; Standard Webhooks keys are {MinBytes} to {MaxBytes} bytes";
        return null;
    }

    /// <summary>The HMAC key: the base64-decoded part after the prefix. Throws when <see cref="Problem"/> is not null.</summary>
    public static byte[] Key(string secret) =>
        TryDecode(secret) is { } key && Problem(secret) is null
            ? key
            : throw new ArgumentException("not a valid whsec_ key; validate it with StandardWebhooksSecret.Problem first", nameof(secret));

    private static byte[]? TryDecode(string secret)
    {
        var text = secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret;
        var buffer = new byte[text.Length];
        return text.Length > 0 && Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }
}
