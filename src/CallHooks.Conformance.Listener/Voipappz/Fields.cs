using System.Text.Json;

namespace CallHooks.Conformance.Listener.Voipappz;

/// <summary>
/// Reads one field at a time from a voipappz body and records what is wrong with it. A getter returns the value
/// only when it passed, so cross-field checks never add a second message about a field already reported. An optional
/// field (one voipappz leaves null until the call reaches it) may also be absent or empty: a panel may drop or blank it.
/// </summary>
internal sealed class Fields(JsonElement body, List<string> problems)
{
    public string? Text(string name, Func<string, string?> rule, bool nullable = false, bool optional = false)
    {
        if (Get(name, optional) is not { } value || IsUnset(value, optional))
            return null;
        if (nullable && value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{name} must be a string{(nullable ? " or null" : "")}, got {JsonText.Describe(value)}");
            return null;
        }

        var text = value.GetString()!;
        if (rule(text) is not { } problem)
            return text;
        problems.Add($"{name} {problem}, got {JsonText.Quote(text)}");
        return null;
    }

    /// <summary>A whole number of seconds, zero or more (the sample writes them as JSON numbers).</summary>
    public long? Count(string name, bool nullable = false, bool optional = false)
    {
        if (Get(name, optional) is not { } value || IsUnset(value, optional))
            return null;
        if (nullable && value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var count) && count >= 0)
            return count;
        problems.Add($"{name} must be a whole number of seconds{(nullable ? " or null" : "")}, got {JsonText.Describe(value)}");
        return null;
    }

    /// <summary>The dialed number: digits as a string (leading trunk zero kept) or as a number.</summary>
    public void Destination()
    {
        if (Get("destination") is not { } value)
            return;
        var ok = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!.Length > 0 && value.GetString()!.All(char.IsAsciiDigit),
            JsonValueKind.Number => value.TryGetInt64(out var number) && number > 0,
            _ => false,
        };
        if (!ok)
            problems.Add($"destination must be a dialed number (digits, as a string or a number), got {JsonText.Describe(value)}");
    }

    public void Present(string name) => Get(name);

    private JsonElement? Get(string name, bool optional = false)
    {
        if (body.TryGetProperty(name, out var value))
            return value;
        if (!optional)
            problems.Add(name + " is missing");
        return null;
    }

    private static bool IsUnset(JsonElement value, bool optional) =>
        optional && (value.ValueKind == JsonValueKind.Null || (value.ValueKind == JsonValueKind.String && value.GetString()!.Length == 0));
}
