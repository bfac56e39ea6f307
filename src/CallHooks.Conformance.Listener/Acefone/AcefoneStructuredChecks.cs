using System.Text.Json;

namespace CallHooks.Conformance.Listener.Acefone;

/// <summary>
/// The four object-valued variables. In a JSON body they arrive as JSON (an unquoted <c>$answered_agent</c>) or as
/// <c>""</c> when the call has none; in form bodies and query strings, as the JSON text. A JSON body holding the JSON
/// text in a string is accepted too: a template may quote the variable, and Acefone then escapes it into the string.
/// </summary>
internal static class AcefoneStructuredChecks
{
    private static readonly (string Key, JsonValueKind[] Kinds, string Shape)[] Rules =
    [
        ("answered_agent", [JsonValueKind.Object, JsonValueKind.Array], "an object (or a list of them)"),
        ("missed_agent", [JsonValueKind.Array, JsonValueKind.Object], "a list of agent objects"),
        ("call_flow", [JsonValueKind.Array], "a list of steps"),
        ("billing_circle", [JsonValueKind.Object], "an object with operator and circle"),
    ];

    public static void Check(AcefonePayload payload, List<string> problems)
    {
        foreach (var (key, kinds, shape) in Rules)
        {
            if (!payload.Fields.TryGetValue(key, out var field))
                continue;
            if (!field.IsText)
            {
                if (!kinds.Contains(field.Json.ValueKind))
                    problems.Add($"{key} must be {shape} or \"\", got {JsonText.Describe(field.Json)}");
                continue;
            }

            var text = field.Text!;
            if (text.Length == 0 || text == "$" + key)
                continue;
            try
            {
                using var document = JsonDocument.Parse(text, JsonText.Strict);
                if (!kinds.Contains(document.RootElement.ValueKind))
                    problems.Add($"{key} must be {shape} or \"\", got JSON {JsonText.Kind(document.RootElement)}");
            }
            catch (JsonException)
            {
                problems.Add($"{key} must be {shape} written as JSON text, or \"\", got {JsonText.Quote(text)}");
            }
        }
    }
}
