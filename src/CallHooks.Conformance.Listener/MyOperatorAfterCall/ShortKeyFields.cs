using System.Globalization;
using System.Text.Json;

namespace CallHooks.Conformance.Listener.MyOperatorAfterCall;

/// <summary>
/// Reads After-Call fields by their short keys and records what is wrong, each message prefixed with where the
/// field sits (<c>_ld[0]._rr[0]._ct</c>). Epochs and durations may come as JSON numbers or digit strings (a PHP
/// listener cannot tell them apart); everything else has one documented type. Getters return a value only when
/// it passed, so cross-field checks never repeat a problem already reported.
/// </summary>
internal sealed class ShortKeyFields(JsonElement node, string prefix, List<string> problems)
{
    public List<string> Problems => problems;

    /// <summary>
    /// A string field. <paramref name="optional"/>: one the key table gives only on some calls (a reference on OBD calls,
    /// a recording on connected ones), so it may be absent, null or empty.
    /// </summary>
    public string? Text(string key, Func<string, string?> rule, bool nullable = false, bool optional = false)
    {
        if (Get(key, optional) is not { } value || ((nullable || optional) && value.ValueKind == JsonValueKind.Null))
            return null;
        if (optional && value.ValueKind == JsonValueKind.String && value.GetString()!.Length == 0)
            return null;
        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{prefix}{key} must be a string{(nullable ? " or null" : "")}, got {JsonText.Describe(value)}");
            return null;
        }

        var text = value.GetString()!;
        if (rule(text) is not { } problem)
            return text;
        problems.Add($"{prefix}{key} {problem}, got {JsonText.Quote(text)}");
        return null;
    }

    public long? Integer(string key)
    {
        if (Get(key) is not { } value)
            return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number >= 0)
            return number;
        if (
            value.ValueKind == JsonValueKind.String
            && long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
        )
            return parsed;
        problems.Add($"{prefix}{key} must be a whole non-negative number, got {JsonText.Describe(value)}");
        return null;
    }

    public decimal? Decimal(string key)
    {
        if (Get(key) is not { } value)
            return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) && number >= 0)
            return number;
        if (
            value.ValueKind == JsonValueKind.String
            && decimal.TryParse(value.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed)
        )
            return parsed;
        problems.Add($"{prefix}{key} must be a decimal number of minutes, got {JsonText.Describe(value)}");
        return null;
    }

    /// <summary>A list, as MyOperator sends <c>_ld</c>, <c>_rr</c>, <c>_pm</c> and <c>_us</c>; an object here is the public parsers' mistake.</summary>
    public IReadOnlyList<JsonElement>? Array(string key, string what)
    {
        if (Get(key) is not { } value)
            return null;
        if (value.ValueKind == JsonValueKind.Array)
            return value.EnumerateArray().ToList();
        problems.Add($"{prefix}{key} must be an array of {what}, got {JsonText.Describe(value)}");
        return null;
    }

    public void Present(string key) => Get(key);

    private JsonElement? Get(string key, bool optional = false)
    {
        if (node.TryGetProperty(key, out var value))
            return value;
        if (!optional)
            problems.Add($"{prefix}{key} is missing");
        return null;
    }
}
