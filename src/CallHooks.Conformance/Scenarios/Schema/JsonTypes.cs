using System.Globalization;
using System.Text.Json;

namespace CallHooks.Conformance.Scenarios.Schema;

/// <summary>The JSON Schema type vocabulary and the number handling that goes with it.</summary>
internal static class JsonTypes
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "null",
        "boolean",
        "object",
        "array",
        "number",
        "integer",
        "string",
    };

    /// <summary>The type named in "got ..." messages; numbers are always "number", whatever their value.</summary>
    public static string NameOf(JsonElement value) =>
        value.ValueKind switch
        {
            JsonValueKind.Object => "object",
            JsonValueKind.Array => "array",
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "null",
        };

    public static bool Matches(JsonElement value, string type) =>
        type switch
        {
            "integer" => value.ValueKind == JsonValueKind.Number && IsInteger(value),
            "number" => value.ValueKind == JsonValueKind.Number,
            _ => NameOf(value) == type,
        };

    /// <summary>Draft 2020-12 makes 1.0 an integer: what counts is the value, not how it is spelled.</summary>
    public static bool IsInteger(JsonElement number)
    {
        if (number.TryGetDecimal(out var exact))
        {
            return exact == decimal.Truncate(exact);
        }

        // Beyond decimal's range (e.g. 1e40) a double has no fractional bits left anyway.
        var approximate = number.GetDouble();
        return double.IsFinite(approximate) && Math.Floor(approximate) == approximate;
    }

    /// <summary>
    /// Compares two JSON numbers exactly when both fit a decimal (so 0.1 vs 0.1 is not a float
    /// rounding question), and as doubles otherwise.
    /// </summary>
    public static int Compare(JsonElement left, JsonElement right)
    {
        if (left.TryGetDecimal(out var l) && right.TryGetDecimal(out var r))
        {
            return l.CompareTo(r);
        }

        return left.GetDouble().CompareTo(right.GetDouble());
    }

    /// <summary>Non-negative integer keyword values (minLength, maxItems, ...); null when the value is not one.</summary>
    public static int? AsCount(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Number || !IsInteger(value) || !value.TryGetDecimal(out var d) || d < 0 || d > int.MaxValue)
        {
            return null;
        }

        return decimal.ToInt32(d);
    }

    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
