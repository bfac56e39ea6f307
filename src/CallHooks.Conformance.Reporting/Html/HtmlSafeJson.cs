namespace CallHooks.Conformance.Reporting.Html;

/// <summary>
/// Makes UTF-8 JSON safe to place inside a <c>&lt;script type="application/json"&gt;</c> element. Only
/// <c>&lt;</c> can end the element (<c>&lt;/script</c>) or switch the parser into its comment states
/// (<c>&lt;!--</c>); <c>&gt;</c> and <c>&amp;</c> are escaped too, so the page reads the same to any HTML
/// tool, and U+2028/U+2029, which older JavaScript parsers treat as line ends. In JSON these characters
/// can only occur inside strings, where the <c>\uXXXX</c> escape means the same character, so
/// <c>JSON.parse</c> returns exactly the original data.
/// </summary>
internal static class HtmlSafeJson
{
    private static readonly byte[] LessThan = "\\u003c"u8.ToArray();
    private static readonly byte[] GreaterThan = "\\u003e"u8.ToArray();
    private static readonly byte[] Ampersand = "\\u0026"u8.ToArray();
    private static readonly byte[] LineSeparator = "\\u2028"u8.ToArray();
    private static readonly byte[] ParagraphSeparator = "\\u2029"u8.ToArray();

    public static void Write(ReadOnlySpan<byte> json, Stream output)
    {
        var start = 0;
        for (var i = 0; i < json.Length; i++)
        {
            var replacement = json[i] switch
            {
                (byte)'<' => LessThan,
                (byte)'>' => GreaterThan,
                (byte)'&' => Ampersand,
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8; that sequence means nothing else.
                0xE2 when i + 2 < json.Length && json[i + 1] == 0x80 && json[i + 2] is 0xA8 => LineSeparator,
                0xE2 when i + 2 < json.Length && json[i + 1] == 0x80 && json[i + 2] is 0xA9 => ParagraphSeparator,
                _ => null,
            };
            if (replacement is null)
                continue;
            output.Write(json[start..i]);
            output.Write(replacement);
            i += json[i] == 0xE2 ? 2 : 0;
            start = i + 1;
        }

        output.Write(json[start..]);
    }
}
