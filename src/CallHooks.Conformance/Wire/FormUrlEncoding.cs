using System.Text;

namespace CallHooks.Conformance.Wire;

/// <summary>
/// The <c>application/x-www-form-urlencoded</c> serializer of the WHATWG URL standard, used for form bodies
/// and query strings alike: alphanumerics and <c>*-._</c> stay, a space becomes <c>+</c>, every other UTF-8
/// byte becomes <c>%XX</c> in upper case. A literal <c>+</c> is therefore sent as <c>%2B</c>.
/// </summary>
public static class FormUrlEncoding
{
    // Two table lookups instead of a formatted string per escaped byte: bodies are encoded once per delivery.
    private const string UpperHex = "0123456789ABCDEF";

    public static string Encode(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var length = 0;
        foreach (var b in bytes)
            length += IsUnreserved(b) || b == (byte)' ' ? 1 : 3;
        if (length == bytes.Length && !bytes.Contains((byte)' '))
            return value;

        // One pass into the final string: a call log has a hundred escaped bytes, and this runs once per delivery.
        return string.Create(length, bytes, static (output, bytes) =>
        {
            var at = 0;
            foreach (var b in bytes)
            {
                if (IsUnreserved(b))
                {
                    output[at++] = (char)b;
                }
                else if (b == (byte)' ')
                {
                    output[at++] = '+';
                }
                else
                {
                    output[at++] = '%';
                    output[at++] = UpperHex[b >> 4];
                    output[at++] = UpperHex[b & 0xF];
                }
            }
        });
    }

    private static bool IsUnreserved(byte b) =>
        b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
            or (byte)'*' or (byte)'-' or (byte)'.' or (byte)'_';

    public static string Encode(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join('&', pairs.Select(pair => Encode(pair.Key) + "=" + Encode(pair.Value)));

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
}
