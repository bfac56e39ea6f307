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

    // Allocated on the first byte: in load runs connections are reused, and only the request that opened one has its
    // tap attached, so an eager 8 KiB buffer per request was most of what a delivery allocated, for nothing.
    private byte[]? prefix;
    private int prefixLength;
    private long bytesReceived;

    public long BytesReceived => Interlocked.Read(ref bytesReceived);

    /// <summary>True once the client's stream filter wrapped the connection; without it the counts mean nothing.</summary>
    public bool Attached { get; set; }

    public ReadOnlySpan<byte> Prefix
    {
        get
        {
            // The length is published after the buffer, so a length above zero means the buffer is there.
            var length = Volatile.Read(ref prefixLength);
            return length == 0 ? [] : prefix.AsSpan(0, length);
        }
    }

    public void Received(ReadOnlySpan<byte> bytes)
    {
        var room = PrefixCapacity - prefixLength;
        if (room > 0 && !bytes.IsEmpty)
        {
            var buffer = prefix ??= new byte[PrefixCapacity];
            var kept = Math.Min(room, bytes.Length);
            bytes[..kept].CopyTo(buffer.AsSpan(prefixLength));
            Volatile.Write(ref prefixLength, prefixLength + kept);
        }

        Interlocked.Add(ref bytesReceived, bytes.Length);
    }
}
