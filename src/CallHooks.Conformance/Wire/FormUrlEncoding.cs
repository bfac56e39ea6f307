using System.Buffers;
using System.Text;

namespace CallHooks.Conformance.Wire;

/// <summary>
/// The <c>application/x-www-form-urlencoded</c> serializer of the WHATWG URL standard, used for form bodies
/// and query strings alike: alphanumerics and <c>*-._</c> stay, a space becomes <c>+</c>, every other UTF-8
/// byte becomes <c>%XX</c> in upper case. A literal <c>+</c> is therefore sent as <c>%2B</c>.
/// </summary>
public static class FormUrlEncoding
{
    // A byte-indexed table: JSON bodies escape every few bytes, so runs are too short for a vectorized search to pay.
    private static readonly bool[] Unreserved = UnreservedTable();

    private static ReadOnlySpan<byte> UpperHex => "0123456789ABCDEF"u8;

    public static string Encode(string value)
    {
        var utf8 = Encoding.UTF8.GetBytes(value);
        if (Array.TrueForAll(utf8, b => Unreserved[b]))
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
    /// The body <c>name=value</c> of a one-field form, <paramref name="utf8Value"/> being the value's UTF-8 bytes.
    /// Straight from bytes to bytes in one pass: a call log is encoded once per delivery, and a load run sends tens of
    /// thousands a second.
    /// </summary>
    public static byte[] Field(string name, ReadOnlySpan<byte> utf8Value)
    {
        var utf8Name = Encoding.UTF8.GetBytes(name);
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

    /// <summary>Room for <paramref name="bytes"/> bytes if every one of them is escaped.</summary>
    private static int WorstCase(int bytes) => bytes * 3;

    /// <returns>The number of bytes written.</returns>
    private static int EncodeInto(ReadOnlySpan<byte> value, Span<byte> output)
    {
        var at = 0;
        foreach (var b in value)
        {
            if (Unreserved[b])
            {
                output[at++] = b;
            }
            else if (b == (byte)' ')
            {
                output[at++] = (byte)'+';
            }
            else
            {
                output[at++] = (byte)'%';
                output[at++] = UpperHex[b >> 4];
                output[at++] = UpperHex[b & 0xF];
            }
        }

        return at;
    }

    private static bool[] UnreservedTable()
    {
        var table = new bool[256];
        foreach (var b in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz*-._"u8)
            table[b] = true;
        return table;
    }
}
