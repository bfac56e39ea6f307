using System.Text.Json;

namespace CallHooks.Conformance.Scenarios.Schema;

/// <summary>
/// A validator for the subset of JSON Schema draft 2020-12 that scenario files use: type,
/// properties, required, additionalProperties, enum, const, pattern, minLength/maxLength,
/// minimum/maximum, minItems/maxItems, items, local $ref into $defs, oneOf and anyOf.
/// Annotations ($schema, $id, title, description, examples, default, $comment) are ignored;
/// anything else is refused when the schema is parsed rather than skipped when it is used.
/// </summary>
internal sealed class JsonSchema
{
    private readonly SchemaNode _root;

    private JsonSchema(SchemaNode root) => _root = root;

    /// <summary>
    /// Compiles <paramref name="schemaJson"/>. Throws <see cref="ArgumentException"/> naming the
    /// keyword and its location for anything unsupported or malformed, including invalid JSON.
    /// </summary>
    public static JsonSchema Parse(string schemaJson)
    {
        ArgumentNullException.ThrowIfNull(schemaJson);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(schemaJson);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"schema is not valid JSON: {e.Message}", nameof(schemaJson), e);
        }

        using (document)
        {
            // Nodes keep clones of the values they need (enum, const, bounds), so the document can go.
            return new JsonSchema(SchemaParser.Parse(document.RootElement));
        }
    }

    /// <summary>All violations, in the order their values appear in the document; empty when valid.</summary>
    public IReadOnlyList<SchemaViolation> Validate(JsonElement instance)
    {
        var issues = new List<ValidationIssue>();
        SchemaValidator.Validate(_root, instance, "", issues);
        // Two keywords can reach the same value (a $ref and a sibling keyword); say each thing once.
        var distinct = issues.DistinctBy(i => (i.Pointer, i.Message));
        return DocumentOrder.Sort(instance, distinct).Select(i => i.ToViolation()).ToList();
    }
}
