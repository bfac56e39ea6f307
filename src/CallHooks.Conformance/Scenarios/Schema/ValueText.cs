using System.Text;
using System.Text.Json;

namespace CallHooks.Conformance.Scenarios.Schema;

/// <summary>
/// Renders instance values for messages. Messages end up on one <c>file:line:column: message</c>
/// line, so values are kept short and never contain a raw line break.
/// </summary>
internal static class ValueText
{
    private const int MaxCodePoints = 40;

    /// <summary>Strings in single quotes, everything else as compact JSON.</summary>
    public static string Describe(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && StringValue.TryGet(value, out var text) ? Quote(text) : Shorten(Compact(value));

    /// <summary>Enum members are listed bare (<c>incoming, obd</c>) because the quotes add nothing there.</summary>
    public static string Bare(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && StringValue.TryGet(value, out var text)
            ? Shorten(EscapeControls(text))
            : Shorten(Compact(value));

    public static string Quote(string text) => "'" + Shorten(EscapeControls(text)) + "'";

    public static string Plural(int count, string noun) => count == 1 ? $"{count} {noun}" : $"{count} {noun}s";

    private static string Compact(JsonElement value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            value.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string EscapeControls(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                _ when char.IsControl(c) => builder
                    .Append("\\u")
                    .Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    /// <summary>Cuts by code points so a surrogate pair is never split in half.</summary>
    private static string Shorten(string text)
    {
        var runes = text.EnumerateRunes().ToList();
        if (runes.Count <= MaxCodePoints)
        {
            return text;
        }

        var builder = new StringBuilder();
        foreach (var rune in runes.Take(MaxCodePoints - 1))
        {
            builder.Append(rune.ToString());
        }

        return builder.Append('…').ToString();
    }
}
