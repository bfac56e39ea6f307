using System.Text;

namespace CallHooks.Conformance.Reporting.Markdown;

/// <summary>
/// Makes text (much of it from the listener) inert in Markdown: CI job summaries render Markdown and inline
/// HTML, so a body of <c>&lt;img onerror&gt;</c> or <c>**</c> must come out as the characters it is.
/// </summary>
internal static class MarkdownText
{
    /// <summary>Escapes for a paragraph, list item or table cell: one line, markup and HTML neutralised.</summary>
    public static string Inline(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '&':
                    builder.Append("&amp;");
                    break;
                // A table cell ends at a bare pipe; a line break would end the row or item.
                case '|':
                    builder.Append("\\|");
                    break;
                case '\r' or '\n' or '\t':
                    builder.Append(' ');
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '~' or '!':
                    builder.Append('\\').Append(c);
                    break;
                default:
                    if (!char.IsControl(c))
                        builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>A fenced code block that no backtick run inside <paramref name="text"/> can close early.</summary>
    public static string Fenced(string text, string language)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', Math.Max(3, longest + 1));
        return $"{fence}{language}\n{text.Replace("\r", "", StringComparison.Ordinal)}\n{fence}";
    }
}
