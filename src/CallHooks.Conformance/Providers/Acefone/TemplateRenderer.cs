using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Providers.Acefone;

/// <summary>
/// Fills a user-written template. <c>$name</c> is the longest run of letters, digits and underscores after a
/// <c>$</c>; when it names a variable present in <c>values</c> it is replaced, otherwise it stays as written,
/// as real Smartflo payloads show (<c>"campaign_name": "$campaign_name"</c> on calls without a campaign).
/// JSON templates: inside a string literal the value's text is JSON-escaped; outside one the value is written as a
/// JSON value (a string in quotes, an object as an object). Form templates: the value's text is form-URL-encoded.
/// Literal template text is sent exactly as written.
/// </summary>
internal static class TemplateRenderer
{
    public static string Json(string template, JsonObject values)
    {
        var output = new StringBuilder(template.Length * 2);
        var inString = false;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '$' && TryVariable(template, i, values, out var name, out var value))
            {
                if (inString)
                    JsonLiteral.Escape(output, Text(value));
                else
                    output.Append(JsonLiteral.Write(value));
                i += name.Length;
                continue;
            }

            output.Append(c);
            if (inString && c == '\\' && i + 1 < template.Length)
                output.Append(template[++i]);
            else if (c == '"')
                inString = !inString;
        }

        return output.ToString();
    }

    public static string Form(string template, JsonObject values)
    {
        var output = new StringBuilder(template.Length * 2);
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '$' && TryVariable(template, i, values, out var name, out var value))
            {
                output.Append(FormUrlEncoding.Encode(Text(value)));
                i += name.Length;
            }
            else
            {
                output.Append(template[i]);
            }
        }

        return output.ToString();
    }

    /// <summary>
    /// Every <c>$name</c> in the template, known or not, in order of appearance, with the offset of its <c>$</c>. A name
    /// starts with a letter or an underscore: <c>$5</c> is text, not a variable.
    /// </summary>
    public static IEnumerable<(string Name, int Offset)> Variables(string template)
    {
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '$')
                continue;
            var name = NameAt(template, i + 1);
            if (name.Length > 0 && !char.IsAsciiDigit(name[0]))
                yield return (name, i);
            i += name.Length;
        }
    }

    /// <summary>A value as text: strings as they are, objects and lists as compact JSON, null as empty.</summary>
    public static string Text(JsonNode? value) =>
        value switch
        {
            null => "",
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            _ => JsonLiteral.Write(value),
        };

    private static bool TryVariable(string template, int dollar, JsonObject values, out string name, out JsonNode? value)
    {
        name = NameAt(template, dollar + 1);
        value = null;
        return name.Length > 0 && values.TryGetPropertyValue(name, out value);
    }

    private static string NameAt(string template, int start)
    {
        var end = start;
        while (end < template.Length && (char.IsAsciiLetterOrDigit(template[end]) || template[end] == '_'))
            end++;
        return template[start..end];
    }
}
