namespace CallHooks.Conformance.Listener.Acefone;

/// <summary>The fields of one request by key, whatever carried them (query string, form body or JSON object).</summary>
/// <param name="FromJson">True for a JSON body: there, objects and lists arrive as JSON, not as text.</param>
/// <param name="Fingerprint">The payload re-written canonically: two deliveries with the same fingerprint are one retried delivery.</param>
internal sealed record AcefonePayload(IReadOnlyDictionary<string, AcefoneField> Fields, bool FromJson, string Fingerprint)
{
    /// <summary>The text of a string field, or null when the key is absent or holds no string.</summary>
    public string? Text(string key) => Fields.TryGetValue(key, out var field) ? field.Text : null;
}
