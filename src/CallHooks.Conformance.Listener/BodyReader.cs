namespace CallHooks.Conformance.Listener;

/// <summary>Reads a request body whole, but never more than a cap: a webhook is a few hundred bytes.</summary>
internal static class BodyReader
{
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The body bytes, or null when the body is longer than <see cref="MaxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (copy.Length + read > MaxBytes)
                return null;
            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }
}
