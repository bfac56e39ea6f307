using static CallHooks.Conformance.Tests.Scenarios.Schema.SchemaTestHelper;

namespace CallHooks.Conformance.Tests.Scenarios.Schema;

public sealed class JsonSchemaCompositionTests
{
    // Shaped like the scenario schema's "expect.status": one code, or a non-empty list of codes.
    private const string StatusSchema = """
        {
          "$defs": { "status": { "type": "string", "pattern": "^[1-5]xx$" } },
          "oneOf": [
            { "$ref": "#/$defs/status" },
            { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/status" } }
          ]
        }
        """;

    [Test]
    public void RefAppliesTheDefinitionTogetherWithSiblingKeywords()
    {
        const string schema = """
            { "$defs": { "short": { "type": "string", "maxLength": 2 } }, "$ref": "#/$defs/short", "pattern": "^a" }
            """;
        Assert.Multiple(() =>
        {
            Assert.That(Validate(schema, "\"ab\""), Is.Empty);
            Assert.That(
                Validate(schema, "\"bcd\""),
                Is.EqualTo(new[] { V("", "'bcd' does not match pattern ^a"), V("", "'bcd' is longer than 2 characters") })
            );
        });
    }

    [Test]
    public void RefNameIsUnescapedAsAUriFragmentAndAJsonPointer()
    {
        const string schema = """{ "$defs": { "a/b c": { "type": "null" } }, "$ref": "#/$defs/a~1b%20c" }""";
        Assert.That(Validate(schema, "1"), Is.EqualTo(new[] { V("", "expected null, got number") }));
    }

    [Test]
    public void RecursiveRefThroughAPropertyIsAllowed()
    {
        const string schema = """
            { "$defs": { "node": { "type": "object", "properties": { "next": { "$ref": "#/$defs/node" } } } }, "$ref": "#/$defs/node" }
            """;
        Assert.That(
            Validate(schema, """{ "next": { "next": { "next": 5 } } }"""),
            Is.EqualTo(new[] { V("/next/next/next", "expected object, got number") })
        );
    }

    [TestCase("\"2xx\"")]
    [TestCase("[\"2xx\", \"3xx\"]")]
    public void OneOfAcceptsAValueMatchingExactlyOneBranch(string instance)
    {
        Assert.That(Validate(StatusSchema, instance), Is.Empty);
    }

    [Test]
    public void OneOfWithoutMatchReportsTheBranchThatAcceptsTheType()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Validate(StatusSchema, "\"200\""), Is.EqualTo(new[] { V("", "'200' does not match pattern ^[1-5]xx$") }));
            Assert.That(
                Validate(StatusSchema, """["2xx", "9xx", 3]"""),
                Is.EqualTo(new[] { V("/1", "'9xx' does not match pattern ^[1-5]xx$"), V("/2", "expected string, got number") })
            );
            Assert.That(Validate(StatusSchema, "[]"), Is.EqualTo(new[] { V("", "must have at least 1 item") }));
        });
    }

    [Test]
    public void OneOfWhereEveryBranchRejectsTheTypeCombinesTheExpectedTypes()
    {
        Assert.That(Validate(StatusSchema, "204"), Is.EqualTo(new[] { V("", "expected string or array, got number") }));
    }

    [Test]
    public void OneOfPrefersTheBranchWithFewestViolations()
    {
        const string schema = """
            { "oneOf": [
                { "type": "object", "required": ["a", "b"] },
                { "type": "object", "required": ["c"] }
            ] }
            """;
        Assert.That(Validate(schema, "{}"), Is.EqualTo(new[] { V("", "missing required property 'c'") }));
    }

    [Test]
    public void OneOfMatchingSeveralBranchesSaysSo()
    {
        const string schema = """{ "oneOf": [ { "type": "integer" }, { "minimum": 0 }, { "type": "string" } ] }""";
        Assert.That(
            Validate(schema, "3"),
            Is.EqualTo(new[] { V("", "matches more than one oneOf branch (#0, #1); it must match exactly one") })
        );
    }

    [Test]
    public void AnyOfAcceptsSeveralMatchesAndReportsClosestBranchOtherwise()
    {
        const string schema = """{ "anyOf": [ { "type": "integer" }, { "type": "string", "minLength": 2 } ] }""";
        Assert.Multiple(() =>
        {
            Assert.That(Validate("""{ "anyOf": [ { "type": "integer" }, { "minimum": 0 } ] }""", "3"), Is.Empty);
            Assert.That(Validate(schema, "\"x\""), Is.EqualTo(new[] { V("", "'x' is shorter than 2 characters") }));
            Assert.That(Validate(schema, "true"), Is.EqualTo(new[] { V("", "expected integer or string, got boolean") }));
        });
    }

    [Test]
    public void AllViolationsAreReportedInDocumentOrder()
    {
        // "properties" checks "b" before "a" in schema order, and the $ref adds a check on "a" later
        // still; the report must follow the instance text instead.
        const string schema = """
            {
              "$defs": { "base": { "properties": { "a": { "minimum": 10 } } } },
              "type": "object",
              "required": ["z"],
              "properties": { "b": { "type": "string" }, "a": { "type": "integer" }, "list": { "items": { "type": "string" } } },
              "additionalProperties": false,
              "$ref": "#/$defs/base"
            }
            """;
        Assert.That(
            Validate(schema, """{ "a": 1.5, "x": 0, "b": 2, "list": [1, "ok", 3] }"""),
            Is.EqualTo(
                new[]
                {
                    V("", "missing required property 'z'"),
                    V("/a", "expected integer, got number"),
                    V("/a", "1.5 is less than the minimum of 10"),
                    V("/x", "unknown property 'x'"),
                    V("/b", "expected string, got number"),
                    V("/list/0", "expected string, got number"),
                    V("/list/2", "expected string, got number"),
                }
            )
        );
    }
}
