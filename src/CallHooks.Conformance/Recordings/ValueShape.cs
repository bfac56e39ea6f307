using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CallHooks.Conformance.Recordings;

/// <summary>
/// What a value looks like, without what it is: <c>string: 10 digits</c>, <c>string: time 2026-01-15 09:30:00</c>,
/// <c>number: whole</c>, <c>array of 2</c>. Two providers' values differ every call; their shapes must not.
/// </summary>
internal static partial class ValueShape
{
    public static string Of(JsonNode? node) =>
        node switch
        {
            null => "null",
            JsonObject => "object",
            JsonArray array => array.Count == 0 ? "empty array" : $"array of {Of(array[0])}",
            JsonValue value when value.GetValueKind() == JsonValueKind.String => "string: " + OfText(value.GetValue<string>()),
            JsonValue value when value.GetValueKind() == JsonValueKind.Number => value
                .ToJsonString()
                .Contains('.', StringComparison.Ordinal)
                ? "number: decimal"
                : "number: whole",
            JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "unknown",
        };

    /// <summary>The shape of a text value; form fields are always text, so this is what they are compared by.</summary>
    public static string OfText(string text) =>
        text switch
        {
            "" => "empty",
            _ when PlusDigits().IsMatch(text) => $"+ and {text.Length - 1} digits",
            _ when Digits().IsMatch(text) => $"{text.Length} digits",
            _ when Decimal().IsMatch(text) => "decimal number",
            _ when IsoTime().Match(text) is { Success: true } iso => "ISO 8601 time"
                + (iso.Groups["zone"].Success ? " with zone " + Zone(iso.Groups["zone"].Value) : " without zone"),
            _ when SpacedTime().IsMatch(text) => "time yyyy-MM-dd HH:mm:ss",
            _ when Uuid().IsMatch(text) => "UUID",
            _ when Hex().IsMatch(text) => $"{text.Length} hex characters",
            _ when text.StartsWith("http://", StringComparison.Ordinal) || text.StartsWith("https://", StringComparison.Ordinal) => "URL",
            _ when text.Contains('@', StringComparison.Ordinal) && !text.Contains(' ', StringComparison.Ordinal) => "e-mail address",
            _ when (text.StartsWith('{') || text.StartsWith('[')) && IsJson(text) => "JSON text",
            _ => "text",
        };

    private static string Zone(string zone) => zone is "Z" or "z" ? "Z" : "offset";

    private static bool IsJson(string text)
    {
        try
        {
            JsonNode.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^\+[0-9]+$")]
    private static partial Regex PlusDigits();

    [GeneratedRegex("^[0-9]+$")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^-?[0-9]+\.[0-9]+$")]
    private static partial Regex Decimal();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(?<zone>Z|z|[+-]\d{2}:?\d{2})?$")]
    private static partial Regex IsoTime();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")]
    private static partial Regex SpacedTime();

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex Uuid();

    [GeneratedRegex("^[0-9a-f]{16,}$")]
    private static partial Regex Hex();
}
