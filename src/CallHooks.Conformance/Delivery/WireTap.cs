namespace CallHooks.Conformance.Delivery;

/// <summary>
/// What actually came over the wire for one request, below HTTP parsing: how many bytes, and the first few
/// kilobytes of them. When the connection ends early, the parser only says "ended"; these bytes say whether
/// nothing came, garbage came, or an HTTP response was cut short.
/// </summary>
internal sealed class WireTap
{
    /// <summary>Enough for a status line, headers and a first chunk-size line.</summary>
    public const int PrefixCapacity = 8 * 1024;

    public static readonly HttpRequestOptionsKey<WireTap> Key = new("callhooks.wire-tap");

    private readonly byte[] prefix = new byte[PrefixCapacity];
    private int prefixLength;
    private long bytesReceived;

    public long BytesReceived => Interlocked.Read(ref bytesReceived);

    /// <summary>True once the client's stream filter wrapped the connection; without it the counts mean nothing.</summary>
    public bool Attached { get; set; }

    public ReadOnlySpan<byte> Prefix => prefix.AsSpan(0, Volatile.Read(ref prefixLength));

    public void Received(ReadOnlySpan<byte> bytes)
    {
        var room = PrefixCapacity - prefixLength;
        if (room > 0)
        {
            var kept = Math.Min(room, bytes.Length);
            bytes[..kept].CopyTo(prefix.AsSpan(prefixLength));
            Volatile.Write(ref prefixLength, prefixLength + kept);
        }

        Interlocked.Add(ref bytesReceived, bytes.Length);
    }
}
