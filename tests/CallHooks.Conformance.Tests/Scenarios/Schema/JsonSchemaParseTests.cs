using CallHooks.Conformance.Scenarios.Schema;

namespace CallHooks.Conformance.Tests.Scenarios.Schema;

public sealed class JsonSchemaParseTests
{
    [TestCase("""{ "allOf": [] }""", "#/allOf: unsupported keyword 'allOf'")]
    [TestCase("""{ "properties": { "a": { "format": "date" } } }""", "#/properties/a/format: unsupported keyword 'format'")]
    [TestCase("""{ "$defs": { "d": { "exclusiveMinimum": 0 } } }""", "#/$defs/d/exclusiveMinimum: unsupported keyword 'exclusiveMinimum'")]
    [TestCase("""{ "items": { "uniqueItems": true } }""", "#/items/uniqueItems: unsupported keyword 'uniqueItems'")]
    [TestCase("""{ "oneOf": [ { "patternProperties": {} } ] }""", "#/oneOf/0/patternProperties: unsupported keyword 'patternProperties'")]
    public void UnsupportedKeywordIsRejectedWithItsNameAndLocation(string schema, string message)
    {
        Assert.That(() => JsonSchema.Parse(schema), Throws.ArgumentException.With.Message.EqualTo(message));
    }

    [TestCase("""{ "type": "text" }""", "#/type: unknown type 'text'")]
    [TestCase("""{ "type": [] }""", "#/type: 'type' must be")]
    [TestCase("""{ "minLength": -1 }""", "#/minLength: 'minLength' must be a non-negative integer")]
    [TestCase("""{ "maxItems": 1.5 }""", "#/maxItems: 'maxItems' must be a non-negative integer")]
    [TestCase("""{ "minimum": "1" }""", "#/minimum: 'minimum' must be a number")]
    [TestCase("""{ "required": [1] }""", "#/required: 'required' must be an array")]
    [TestCase("""{ "enum": [] }""", "#/enum: 'enum' must be a non-empty array")]
    [TestCase("""{ "pattern": "(" }""", "#/pattern: 'pattern' is not a valid regular expression")]
    [TestCase("""{ "items": [ {} ] }""", "#/items: 'items' must be a single schema")]
    [TestCase("""{ "properties": { "a": 3 } }""", "#/properties/a: a schema must be an object or a boolean, got number")]
    [TestCase("""{ "oneOf": [] }""", "#/oneOf: 'oneOf' must be a non-empty array of schemas")]
    [TestCase("""{ "$ref": "#/$defs/missing", "$defs": {} }""", "#/$ref: '#/$defs/missing' does not exist in '$defs'")]
    [TestCase("""{ "$ref": "other.json#/x" }""", "#/$ref: only local refs of the form '#/$defs/<name>' are supported")]
    [TestCase("""{ "items": { "$defs": {} } }""", "#/items: keyword '$defs' is only supported at the schema root")]
    [TestCase("""{ "items": { "$id": "x" } }""", "#/items/$id: keyword '$id' is only supported at the schema root")]
    [TestCase("""{ "$defs": { "a": { "$ref": "#/$defs/b" }, "b": { "anyOf": [ { "$ref": "#/$defs/a" } ] } } }""", "'$ref' loop")]
    [TestCase("""{ "type": "object", }""", "schema is not valid JSON")]
    public void MalformedSchemaIsRejected(string schema, string messageStart)
    {
        Assert.That(() => JsonSchema.Parse(schema), Throws.ArgumentException.With.Message.Contains(messageStart));
    }

    [Test]
    public void CommittedScenarioSchemaParses()
    {
        var path = Path.Combine(RepoRoot.Find(), "scenarios", "scenario.schema.json");
        Assert.That(() => JsonSchema.Parse(File.ReadAllText(path)), Throws.Nothing);
    }
}
