using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CallHooks.Conformance.Providers.Acefone;

/// <summary>
/// Writes values as compact JSON with one escaping rule everywhere: <c>"</c> and <c>\</c> are escaped, control
/// characters become <c>\n</c>-style or <c>\u00XX</c> escapes (U+2028/U+2029 too, so the text is also valid
/// JavaScript), and every other character, non-ASCII included, stays as UTF-8.
/// </summary>
internal static class JsonLiteral
{
    public static string Write(JsonNode? node)
    {
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    /// <summary>The text of a string without its quotes, escaped to sit inside a JSON string literal.</summary>
    public static void Escape(StringBuilder builder, string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case < ' ' or '\u2028' or '\u2029':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
    }

    private static void Write(StringBuilder builder, JsonNode? node)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in obj)
                {
                    if (!first)
                        builder.Append(',');
                    first = false;
                    builder.Append('"');
                    Escape(builder, key);
                    builder.Append("\":");
                    Write(builder, value);
                }

                builder.Append('}');
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                        builder.Append(',');
                    Write(builder, array[i]);
                }

                builder.Append(']');
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                builder.Append('"');
                Escape(builder, value.GetValue<string>());
                builder.Append('"');
                break;
            default:
                builder.Append(node.ToJsonString());
                break;
        }
    }
}
