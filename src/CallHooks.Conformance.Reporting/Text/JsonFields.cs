using System.Text.Json;

namespace CallHooks.Conformance.Reporting.Text;

/// <summary>
/// The field writers every JSON output shares (results.json, the report page's data, the NDJSON log), so text,
/// timestamps and milliseconds look the same in all of them.
/// </summary>
internal static class JsonFields
{
    /// <summary>Text made safe for JSON (no lone surrogates), or null.</summary>
    public static void Text(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
            json.WriteNull(name);
        else
            json.WriteString(name, SafeText.ForJson(value));
    }

    /// <summary>ISO-8601 UTC with milliseconds, or null.</summary>
    public static void Timestamp(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            Span<char> text = stackalloc char[ReportFormat.TimestampLength];
            ReportFormat.FormatTimestamp(time, text);
            json.WriteString(name, text);
        }
        else
            json.WriteNull(name);
    }

    /// <summary>Milliseconds rounded to 3 decimals; JSON has no NaN or infinity, and null is more honest than a made-up number.</summary>
    public static void Milliseconds(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number && double.IsFinite(number))
            json.WriteNumber(name, ReportFormat.Milliseconds(number));
        else
            json.WriteNull(name);
    }
}
