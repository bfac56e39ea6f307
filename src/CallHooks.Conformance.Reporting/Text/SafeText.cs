using System.Globalization;
using System.Text;
using System.Xml;

namespace CallHooks.Conformance.Reporting.Text;

/// <summary>
/// Makes arbitrary text (listener bodies can contain anything) writable. Both writers would otherwise throw on
/// input a listener controls, and a report that crashes on the very response it should describe is useless.
/// </summary>
internal static class SafeText
{
    /// <summary>Removes characters XML 1.0 cannot carry at all, not even as character references.</summary>
    public static string ForXml(string text)
    {
        if (IsClean(text, forXml: true))
            return text;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                builder.Append(text[i]).Append(text[i + 1]);
                i++;
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Replaces lone surrogates with U+FFFD: they cannot be encoded as UTF-8, and Utf8JsonWriter refuses them.
    /// Control characters stay; the JSON writer escapes them.
    /// </summary>
    public static string ForJson(string text)
    {
        if (IsClean(text, forXml: false))
            return text;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(text[i]).Append(text[i + 1]);
                i++;
            }
            else
            {
                builder.Append(char.IsSurrogate(text[i]) ? '\uFFFD' : text[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Shows control characters as <c>\u001b</c>-style escapes: a listener's text must not be able to move the
    /// cursor, recolour or clear the terminal that prints the summary, nor break one line into several.
    /// </summary>
    public static string ForTerminal(string text)
    {
        if (!text.Any(char.IsControl))
            return text;
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (char.IsControl(c))
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else
                builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>First line of <paramref name="text"/>, cut to <paramref name="max"/> characters with an ellipsis.</summary>
    public static string Short(string text, int max)
    {
        var end = text.AsSpan().IndexOfAny('\r', '\n');
        var line = end < 0 ? text : text[..end];
        if (line.Length <= max)
            return line;
        var cut = max - 3;
        if (cut > 0 && char.IsHighSurrogate(line[cut - 1]))
            cut--;
        return line[..cut] + "...";
    }

    // The characters below U+0020 that XML 1.0 refuses (all but tab, line feed and carriage return), and the two it
    // refuses at the top of the basic plane. Surrogates are searched for separately, as a range.
    private static readonly System.Buffers.SearchValues<char> XmlRefused = System.Buffers.SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014"
            + "\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF"
    );

    // The common case is clean text; checking first avoids copying every header and body. Text without a surrogate
    // (nearly all of it) is settled by a vectorized search; the rest walks the pairs.
    private static bool IsClean(string text, bool forXml)
    {
        if (forXml && text.AsSpan().ContainsAny(XmlRefused))
            return false;
        if (!text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
            return true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || (forXml && !XmlConvert.IsXmlChar(c)))
                return false;
        }

        return true;
    }
}
