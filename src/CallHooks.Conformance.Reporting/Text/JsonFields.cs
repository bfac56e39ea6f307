using System.Text.Json;

namespace CallHooks.Conformance.Reporting.Text;

/// <summary>
/// The field writers every JSON output shares (results.json, the report page's data, the NDJSON log), so text,
/// timestamps and milliseconds look the same in all of them. A writer that runs per delivery (the NDJSON log) passes
/// names encoded once; the others pass plain strings.
/// </summary>
internal static class JsonFields
{
    /// <summary>Text made safe for JSON (no lone surrogates), or null.</summary>
    public static void Text(Utf8JsonWriter json, string name, string? value) => Text(json, Name(json, name), value);

    public static void Text(Utf8JsonWriter json, JsonEncodedText name, string? value)
    {
        if (value is null)
            json.WriteNull(name);
        else
            json.WriteString(name, SafeText.ForJson(value));
    }

    /// <summary>ISO-8601 UTC with milliseconds, or null.</summary>
    public static void Timestamp(Utf8JsonWriter json, string name, DateTimeOffset? value) => Timestamp(json, Name(json, name), value);

    public static void Timestamp(Utf8JsonWriter json, JsonEncodedText name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            Span<char> text = stackalloc char[ReportFormat.TimestampLength];
            ReportFormat.FormatTimestamp(time, text);
            json.WriteString(name, text);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>Milliseconds rounded to 3 decimals; JSON has no NaN or infinity, and null is more honest than a made-up number.</summary>
    public static void Milliseconds(Utf8JsonWriter json, string name, double? value) => Milliseconds(json, Name(json, name), value);

    public static void Milliseconds(Utf8JsonWriter json, JsonEncodedText name, double? value)
    {
        Span<byte> text = stackalloc byte[ReportFormat.MillisecondsMaxLength];
        json.WritePropertyName(name);
        if (value is { } number && ReportFormat.TryFormatMilliseconds(number, text, out var written))
            json.WriteRawValue(text[..written], skipInputValidation: true);
        else if (value is { } other && double.IsFinite(other))
            json.WriteNumberValue(ReportFormat.Milliseconds(other));
        else
            json.WriteNullValue();
    }

    /// <summary>A name escaped as the writer itself would escape it (its own encoder), so both overloads write the same bytes.</summary>
    private static JsonEncodedText Name(Utf8JsonWriter json, string name) => JsonEncodedText.Encode(name, json.Options.Encoder);
}
