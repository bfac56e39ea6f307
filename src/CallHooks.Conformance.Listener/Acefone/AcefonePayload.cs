using System.Text.Json;

namespace CallHooks.Conformance.Listener.Acefone;

/// <summary>
/// One value of an Acefone request: the text of a form or query field or of a JSON string, or else the JSON
/// element itself (an object, a list, a number...).
/// </summary>
internal sealed record AcefoneField(string? Text, JsonElement Json)
{
    public static AcefoneField OfText(string text) => new(text, default);

    public bool IsText => Text is not null;
}

/// <summary>The fields of one request by key, whatever carried them (query string, form body or JSON object).</summary>
/// <param name="FromJson">True for a JSON body: there, objects and lists arrive as JSON, not as text.</param>
/// <param name="Fingerprint">The payload re-written canonically: two deliveries with the same fingerprint are one retried delivery.</param>
internal sealed record AcefonePayload(IReadOnlyDictionary<string, AcefoneField> Fields, bool FromJson, string Fingerprint)
{
    /// <summary>The text of a string field, or null when the key is absent or holds no string.</summary>
    public string? Text(string key) => Fields.TryGetValue(key, out var field) ? field.Text : null;
}
