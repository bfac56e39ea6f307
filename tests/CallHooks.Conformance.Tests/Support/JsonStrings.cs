using System.Text.Json;

namespace CallHooks.Conformance.Tests.Support;

/// <summary>
/// The text a JSON output really holds: its string values decoded. A search of the raw file misses what JSON escaping
/// changed (a backslash written as two, <c>&lt;</c> as <c>\u003C</c>), so secrets are looked for here.
/// </summary>
internal static class JsonStrings
{
    /// <summary>Every string value of a JSON document, decoded, one per line.</summary>
    public static string Decoded(string json)
    {
        using var document = JsonDocument.Parse(json);
        var strings = new List<string>();
        Collect(document.RootElement);
        return string.Join("\n", strings);

        void Collect(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    strings.Add(element.GetString()!);
                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                        Collect(item);
                    break;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                        Collect(property.Value);
                    break;
            }
        }
    }
}
