using System.Text.Json;

namespace CallHooks.Conformance.Listener.MyOperatorV2;

/// <summary>
/// Reads one field of a JSON object by name and checks its type and rule, adding a problem that names the field
/// (with its path, e.g. <c>payload.legs[1].dial_status</c>) and what arrived. Returns the value only when it passed.
/// </summary>
internal sealed class V2Fields(JsonElement element, string path, List<string> problems)
{
    private string Name(string field) => path.Length == 0 ? field : path + "." + field;

    public string? Text(string field, Func<string, string?> rule, bool nullable = false, bool optional = false)
    {
        if (!element.TryGetProperty(field, out var value))
        {
            if (!optional)
                problems.Add(Name(field) + " is missing");
            return null;
        }

        if (nullable && value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{Name(field)} must be a string{(nullable ? " or null" : "")}, got {JsonText.Describe(value)}");
            return null;
        }

        var text = value.GetString()!;
        if (rule(text) is { } problem)
        {
            problems.Add($"{Name(field)} {problem}, got {JsonText.Quote(text)}");
            return null;
        }

        return text;
    }

    /// <summary>A whole JSON number (no fraction, no exponent), at least <paramref name="minimum"/>.</summary>
    public long? Integer(string field, long minimum, bool optional = false)
    {
        if (!element.TryGetProperty(field, out var value))
        {
            if (!optional)
                problems.Add(Name(field) + " is missing");
            return null;
        }

        if (
            value.ValueKind != JsonValueKind.Number
            || !value.TryGetInt64(out var number)
            || value.GetRawText().Any(c => c is '.' or 'e' or 'E')
        )
        {
            problems.Add($"{Name(field)} must be an integer, got {JsonText.Describe(value)}");
            return null;
        }

        if (number < minimum)
        {
            problems.Add($"{Name(field)} must be at least {minimum}, got {number}");
            return null;
        }

        return number;
    }

    public JsonElement? Kind(string field, JsonValueKind kind, string kindName)
    {
        if (!element.TryGetProperty(field, out var value))
        {
            problems.Add(Name(field) + " is missing");
            return null;
        }

        if (value.ValueKind == kind)
            return value;
        problems.Add($"{Name(field)} must be {kindName}, got {JsonText.Describe(value)}");
        return null;
    }
}
