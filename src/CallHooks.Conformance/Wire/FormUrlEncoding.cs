using System.Text;

namespace CallHooks.Conformance.Wire;

/// <summary>
/// The <c>application/x-www-form-urlencoded</c> serializer of the WHATWG URL standard, used for form bodies
/// and query strings alike: alphanumerics and <c>*-._</c> stay, a space becomes <c>+</c>, every other UTF-8
/// byte becomes <c>%XX</c> in upper case. A literal <c>+</c> is therefore sent as <c>%2B</c>.
/// </summary>
public static class FormUrlEncoding
{
    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
                or (byte)'*' or (byte)'-' or (byte)'.' or (byte)'_')
                builder.Append((char)b);
            else if (b == (byte)' ')
                builder.Append('+');
            else
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>Serializes pairs as <c>a=1&amp;b=2</c>, in the given order.</summary>
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
