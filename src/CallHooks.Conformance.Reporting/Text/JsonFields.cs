using System.Text.Json;

namespace CallHooks.Conformance.Reporting.Text;

/// <summary>
/// The field writers every JSON output shares (results.json, the report page's data, the NDJSON log), so text,
/// timestamps and milliseconds look the same in all of them. A writer that runs per delivery (the NDJSON log) passes
/// names encoded once; the others pass plain strings, which their writer escapes as it is configured to.
/// </summary>
internal static class JsonFields
{
    /// <summary>Text made safe for JSON (no lone surrogates), or null.</summary>
    public static void Text(Utf8JsonWriter json, string name, string? value)
    {
        json.WritePropertyName(name);
        TextValue(json, value);
    }

    public static void Text(Utf8JsonWriter json, JsonEncodedText name, string? value)
    {
        json.WritePropertyName(name);
        TextValue(json, value);
    }

    /// <summary>ISO-8601 UTC with milliseconds, or null.</summary>
    public static void Timestamp(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        json.WritePropertyName(name);
        TimestampValue(json, value);
    }

    public static void Timestamp(Utf8JsonWriter json, JsonEncodedText name, DateTimeOffset? value)
    {
        json.WritePropertyName(name);
        TimestampValue(json, value);
    }

    /// <summary>Milliseconds rounded to 3 decimals; JSON has no NaN or infinity, and null is more honest than a made-up number.</summary>
    public static void Milliseconds(Utf8JsonWriter json, string name, double? value)
    {
        json.WritePropertyName(name);
        MillisecondsValue(json, value);
    }

    public static void Milliseconds(Utf8JsonWriter json, JsonEncodedText name, double? value)
    {
        json.WritePropertyName(name);
        MillisecondsValue(json, value);
    }

    private static void TextValue(Utf8JsonWriter json, string? value)
    {
        if (value is null)
            json.WriteNullValue();
        else
            json.WriteStringValue(SafeText.ForJson(value));
    }

    private static void TimestampValue(Utf8JsonWriter json, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            Span<char> text = stackalloc char[ReportFormat.TimestampLength];
            ReportFormat.FormatTimestamp(time, text);
            json.WriteStringValue(text);
        }
        else
        {
            json.WriteNullValue();
        }
    }

    private static void MillisecondsValue(Utf8JsonWriter json, double? value)
    {
        Span<byte> text = stackalloc byte[ReportFormat.MillisecondsMaxLength];
        if (value is { } number && ReportFormat.TryFormatMilliseconds(number, text, out var written))
            json.WriteRawValue(text[..written], skipInputValidation: true);
        else if (value is { } other && double.IsFinite(other))
            json.WriteNumberValue(ReportFormat.Milliseconds(other));
        else
            json.WriteNullValue();
    }
}
