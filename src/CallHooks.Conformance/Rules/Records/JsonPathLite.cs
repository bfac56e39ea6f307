using System.Globalization;
using System.Text.Json;

namespace CallHooks.Conformance.Rules.Records;

/// <summary>
/// The part of JSONPath a record field needs: <c>$</c>, then <c>.name</c>, <c>['name']</c> and <c>[index]</c> steps
/// (e.g. <c>$.call['caller number'].legs[0]</c>). Parsed once, when the option is read, so a typo is a usage error.
/// </summary>
internal sealed class JsonPathLite
{
    private readonly IReadOnlyList<object> steps;

    private JsonPathLite(IReadOnlyList<object> steps) => this.steps = steps;

    /// <summary>The path's steps, or the reason it is not one we read.</summary>
    public static (JsonPathLite? Path, string? Problem) Parse(string text)
    {
        if (!text.StartsWith('$'))
            return (null, "a JSON path starts with $, e.g. $.caller or $.legs[0].agent");
        var steps = new List<object>();
        var i = 1;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                var end = i + 1;
                while (end < text.Length && text[end] is not ('.' or '['))
                    end++;
                if (end == i + 1)
                    return (null, $"an empty name at position {i + 1}");
                steps.Add(text[(i + 1)..end]);
                i = end;
            }
            else if (text[i] == '[' && i + 1 < text.Length && text[i + 1] == '\'')
            {
                var close = text.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (close < 0)
                    return (null, $"['name'] is not closed at position {i + 1}");
                steps.Add(text[(i + 2)..close]);
                i = close + 2;
            }
            else if (text[i] == '[')
            {
                var close = text.IndexOf(']', i);
                if (
                    close < 0
                    || !int.TryParse(text.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                )
                    return (null, $"[index] must hold a whole number at position {i + 1}");
                steps.Add(index);
                i = close + 1;
            }
            else
            {
                return (null, $"unexpected '{text[i]}' at position {i + 1}; use .name, ['name'] or [index]");
            }
        }

        return (new JsonPathLite(steps), null);
    }

    /// <summary>The element the path leads to in <paramref name="root"/>, or null when a step finds nothing.</summary>
    public JsonElement? Find(JsonElement root)
    {
        var current = root;
        foreach (var step in steps)
        {
            if (step is string name && current.ValueKind == JsonValueKind.Object && current.TryGetProperty(name, out var child))
                current = child;
            else if (step is int index && current.ValueKind == JsonValueKind.Array && index < current.GetArrayLength())
                current = current[index];
            else
                return null;
        }

        return current;
    }
}
