using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace CallHooks.Conformance.Wire;

/// <summary>
/// The <c>application/x-www-form-urlencoded</c> serializer of the WHATWG URL standard, used for form bodies
/// and query strings alike: alphanumerics and <c>*-._</c> stay, a space becomes <c>+</c>, every other UTF-8
/// byte becomes <c>%XX</c> in upper case. A literal <c>+</c> is therefore sent as <c>%2B</c>, and a lone surrogate (text
/// that is not valid UTF-16) as U+FFFD's bytes, <c>%EF%BF%BD</c>, as the web platform's URLSearchParams sends it (a
/// property test holds the two to the same output).
/// </summary>
internal static class FormUrlEncoding
{
    // Every byte's encoding, looked up instead of worked out: up to three output bytes packed little-endian into a
    // uint, and how many of them count in the top byte. JSON bodies escape every few bytes, so runs of unreserved bytes
    // are too short for a vectorized search to pay, and a branch per byte costs more than the lookup.
    private static readonly uint[] Encodings = EncodingTable();

    public static string Encode(string value)
    {
        var utf8 = Encoding.UTF8.GetBytes(value);
        if (Array.TrueForAll(utf8, b => Encodings[b] == (1u << 24 | b)))
            return value;
        var buffer = ArrayPool<byte>.Shared.Rent(WorstCase(utf8.Length));
        try
        {
            return Encoding.ASCII.GetString(buffer, 0, EncodeInto(utf8, buffer));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static string Encode(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join('&', pairs.Select(pair => Encode(pair.Key) + "=" + Encode(pair.Value)));

    /// <summary>
    /// The body <c>name=value</c> of a one-field form, from the UTF-8 bytes of both (a field name is a constant: <c>"myoperator"u8</c>).
    /// Straight from bytes to bytes in one pass: a call log is encoded once per delivery, and a load run sends tens of
    /// thousands a second.
    /// </summary>
    public static byte[] Field(ReadOnlySpan<byte> utf8Name, ReadOnlySpan<byte> utf8Value)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(WorstCase(utf8Name.Length + 1 + utf8Value.Length));
        try
        {
            var length = EncodeInto(utf8Name, buffer);
            buffer[length++] = (byte)'=';
            length += EncodeInto(utf8Value, buffer.AsSpan(length));
            return buffer.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The encoding of UTF-8 bytes, as bytes: for pieces of a body that are encoded once and joined many times.</summary>
    public static byte[] Bytes(ReadOnlySpan<byte> utf8)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(WorstCase(utf8.Length));
        try
        {
            return buffer.AsSpan(0, EncodeInto(utf8, buffer)).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Appends pairs to a URL's query, keeping whatever query the URL already had.</summary>
    public static Uri AppendQuery(Uri url, IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        if (pairs.Count == 0)
            return url;
        var builder = new UriBuilder(url);
        var existing = builder.Query.TrimStart('?');
        builder.Query = existing.Length == 0 ? Encode(pairs) : existing + "&" + Encode(pairs);
        return builder.Uri;
    }

    /// <summary>
    /// Room for <paramref name="bytes"/> bytes if every one of them is escaped, and one more: <see cref="EncodeInto"/>
    /// writes four bytes at a time.
    /// </summary>
    private static int WorstCase(int bytes) => bytes * 3 + 1;

    /// <returns>The number of bytes encoded; <paramref name="output"/> must have room for <see cref="WorstCase"/>.</returns>
    private static int EncodeInto(ReadOnlySpan<byte> value, Span<byte> output)
    {
        var at = 0;
        var encodings = Encodings;
        foreach (var b in value)
        {
            // All four packed bytes go out; only the counted ones are kept, the next write covers the rest.
            var encoding = encodings[b];
            BinaryPrimitives.WriteUInt32LittleEndian(output[at..], encoding);
            at += (int)(encoding >> 24);
        }

        return at;
    }

    private static uint[] EncodingTable()
    {
        const string upperHex = "0123456789ABCDEF";
        var table = new uint[256];
        for (var b = 0; b < 256; b++)
            table[b] = 3u << 24 | (uint)upperHex[b & 0xF] << 16 | (uint)upperHex[b >> 4] << 8 | '%';
        foreach (var b in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz*-._"u8)
            table[b] = 1u << 24 | b;
        table[' '] = 1u << 24 | '+';
        return table;
    }
}
