using static CallHooks.Conformance.Tests.Scenarios.Schema.SchemaTestHelper;

namespace CallHooks.Conformance.Tests.Scenarios.Schema;

public sealed class JsonSchemaKeywordTests
{
    [TestCase("\"a\"", "string")]
    [TestCase("1.5", "number")]
    [TestCase("3", "integer")]
    [TestCase("3.0", "integer")]
    [TestCase("true", "boolean")]
    [TestCase("null", "null")]
    [TestCase("{}", "object")]
    [TestCase("[]", "array")]
    public void TypeAcceptsMatchingValue(string instance, string type)
    {
        Assert.That(Validate($$"""{ "type": "{{type}}" }""", instance), Is.Empty);
    }

    [TestCase("5", "string", "expected string, got number")]
    [TestCase("1.5", "integer", "expected integer, got number")]
    [TestCase("\"5\"", "number", "expected number, got string")]
    [TestCase("false", "null", "expected null, got boolean")]
    [TestCase("[]", "object", "expected object, got array")]
    [TestCase("{}", "array", "expected array, got object")]
    [TestCase("null", "boolean", "expected boolean, got null")]
    public void TypeRejectsOtherValue(string instance, string type, string message)
    {
        Assert.That(Validate($$"""{ "type": "{{type}}" }""", instance), Is.EqualTo(new[] { V("", message) }));
    }

    [Test]
    public void TypeArrayListsAllExpectedTypes()
    {
        const string schema = """{ "type": ["string", "array", "null"] }""";
        Assert.Multiple(() =>
        {
            Assert.That(Validate(schema, "null"), Is.Empty);
            Assert.That(Validate(schema, "[1]"), Is.Empty);
            Assert.That(Validate(schema, "7"), Is.EqualTo(new[] { V("", "expected string, array or null, got number") }));
            Assert.That(
                Validate("""{ "type": ["string", "null"] }""", "7"),
                Is.EqualTo(new[] { V("", "expected string or null, got number") })
            );
        });
    }

    [Test]
    public void WrongTypeReportsOnlyTheTypeError()
    {
        const string schema = """{ "type": "string", "enum": ["a"], "minLength": 3 }""";
        Assert.That(Validate(schema, "5"), Is.EqualTo(new[] { V("", "expected string, got number") }));
    }

    [Test]
    public void PropertiesValidateEachNamedPropertyAtItsPointer()
    {
        const string schema = """{ "properties": { "a": { "type": "string" }, "b/c~d": { "type": "integer" } } }""";
        Assert.That(
            Validate(schema, """{ "a": 1, "b/c~d": "x", "other": true }"""),
            Is.EqualTo(new[] { V("/a", "expected string, got number"), V("/b~1c~0d", "expected integer, got string") })
        );
    }

    [Test]
    public void RequiredReportsEachMissingPropertyAtTheObject()
    {
        const string schema =
            """{ "type": "object", "properties": { "x": { "type": "object", "required": ["call", "name", "events"] } } }""";
        Assert.That(
            Validate(schema, """{ "x": { "name": "n" } }"""),
            Is.EqualTo(new[] { V("/x", "missing required property 'call'"), V("/x", "missing required property 'events'") })
        );
    }

    [Test]
    public void AdditionalPropertiesFalseReportsUnknownPropertyAtThatProperty()
    {
        const string schema =
            """{ "properties": { "events": { "items": { "properties": { "event": {} }, "additionalProperties": false } } } }""";
        Assert.That(
            Validate(schema, """{ "events": [ { "event": "1" }, { "evnt": "2", "event": "3" } ] }"""),
            Is.EqualTo(new[] { V("/events/1/evnt", "unknown property 'evnt'") })
        );
    }

    [Test]
    public void AdditionalPropertiesSchemaAppliesToUnlistedPropertiesOnly()
    {
        const string schema = """{ "properties": { "a": { "type": "string" } }, "additionalProperties": { "type": "integer" } }""";
        Assert.That(Validate(schema, """{ "a": "s", "b": 1, "c": "no" }"""), Is.EqualTo(new[] { V("/c", "expected integer, got string") }));
    }

    [Test]
    public void EnumNamesTheValueAndTheMembers()
    {
        const string schema = """{ "type": "string", "enum": ["incoming", "obd", "click-to-call"] }""";
        Assert.Multiple(() =>
        {
            Assert.That(Validate(schema, "\"obd\""), Is.Empty);
            Assert.That(Validate(schema, "\"phone\""), Is.EqualTo(new[] { V("", "'phone' is not one of: incoming, obd, click-to-call") }));
        });
    }

    [Test]
    public void EnumComparesJsonValuesIncludingNumbersByValue()
    {
        const string schema = """{ "enum": [1, null, {"a": [true]}] }""";
        Assert.Multiple(() =>
        {
            Assert.That(Validate(schema, "1.0"), Is.Empty);
            Assert.That(Validate(schema, """{ "a": [true] }"""), Is.Empty);
            Assert.That(Validate(schema, "\"1\""), Is.EqualTo(new[] { V("", """'1' is not one of: 1, null, {"a":[true]}""") }));
        });
    }

    [Test]
    public void ConstNamesExpectedAndActual()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Validate("""{ "const": "x" }""", "\"x\""), Is.Empty);
            Assert.That(Validate("""{ "const": "x" }""", "\"y\""), Is.EqualTo(new[] { V("", "expected 'x', got 'y'") }));
            Assert.That(Validate("""{ "const": 2 }""", "[2]"), Is.EqualTo(new[] { V("", "expected 2, got [2]") }));
        });
    }

    [Test]
    public void PatternIsASearchAndNamesValueAndPattern()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Validate("""{ "pattern": "b+" }""", "\"abbc\""), Is.Empty);
            Assert.That(
                Validate("""{ "pattern": "^\\d+(ms|s)$" }""", "\"5 s\""),
                Is.EqualTo(new[] { V("", @"'5 s' does not match pattern ^\d+(ms|s)$") })
            );
        });
    }

    [Test]
    public void PatternDollarDoesNotAcceptATrailingNewline()
    {
        Assert.That(
            Validate("""{ "pattern": "^[a-z]+$" }""", "\"abc\\n\""),
            Is.EqualTo(new[] { V("", @"'abc\n' does not match pattern ^[a-z]+$") })
        );
    }

    [Test]
    public void PatternDigitClassIsAsciiOnlyAsInEcmascript()
    {
        // U+0661 ARABIC-INDIC DIGIT ONE is a Unicode digit, but not an ECMA-262 \d.
        Assert.That(Validate("""{ "pattern": "^\\d$" }""", "\"\u0661\""), Has.Count.EqualTo(1));
    }

    [Test]
    public void PatternIgnoresNonStrings()
    {
        Assert.That(Validate("""{ "pattern": "^a$" }""", "5"), Is.Empty);
    }

    [Test]
    public void MinLengthAndMaxLengthCountCodePoints()
    {
        // "😀é" is two code points but three UTF-16 units.
        Assert.Multiple(() =>
        {
            Assert.That(Validate("""{ "maxLength": 2 }""", "\"😀é\""), Is.Empty);
            Assert.That(Validate("""{ "minLength": 3 }""", "\"😀é\""), Is.EqualTo(new[] { V("", "'😀é' is shorter than 3 characters") }));
            Assert.That(Validate("""{ "maxLength": 1 }""", "\"😀é\""), Is.EqualTo(new[] { V("", "'😀é' is longer than 1 character") }));
            Assert.That(Validate("""{ "minLength": 1 }""", "\"\""), Is.EqualTo(new[] { V("", "'' is shorter than 1 character") }));
        });
    }

    [Test]
    public void LongValuesAreShortenedInMessages()
    {
        var value = new string('a', 100);
        Assert.That(
            Validate("""{ "maxLength": 64 }""", $"\"{value}\""),
            Is.EqualTo(new[] { V("", $"'{new string('a', 39)}…' is longer than 64 characters") })
        );
    }

    [Test]
    public void UnpairedSurrogateIsAViolationNotACrash()
    {
        Assert.That(
            Validate("""{ "minLength": 1 }""", "\"\\ud800\""),
            Is.EqualTo(new[] { V("", "string contains an unpaired surrogate escape and cannot be checked") })
        );
    }

    [Test]
    public void MinimumAndMaximumAreInclusive()
    {
        const string schema = """{ "type": "integer", "minimum": 1, "maximum": 20 }""";
        Assert.Multiple(() =>
        {
            Assert.That(Validate(schema, "1"), Is.Empty);
            Assert.That(Validate(schema, "20"), Is.Empty);
            Assert.That(Validate(schema, "0"), Is.EqualTo(new[] { V("", "0 is less than the minimum of 1") }));
            Assert.That(Validate(schema, "21"), Is.EqualTo(new[] { V("", "21 is greater than the maximum of 20") }));
        });
    }

    [Test]
    public void MinimumComparesDecimalsExactlyAndHugeNumbersAsDoubles()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Validate("""{ "minimum": 0.3 }""", "0.30"), Is.Empty);
            Assert.That(
                Validate("""{ "maximum": 1e300 }""", "1e301"),
                Is.EqualTo(new[] { V("", "1e301 is greater than the maximum of 1e300") })
            );
        });
    }

    [Test]
    public void MinItemsAndMaxItems()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Validate("""{ "minItems": 1 }""", "[]"), Is.EqualTo(new[] { V("", "must have at least 1 item") }));
            Assert.That(Validate("""{ "minItems": 2 }""", "[1]"), Is.EqualTo(new[] { V("", "must have at least 2 items") }));
            Assert.That(Validate("""{ "maxItems": 2 }""", "[1, 2, 3]"), Is.EqualTo(new[] { V("", "must have at most 2 items") }));
            Assert.That(Validate("""{ "minItems": 1, "maxItems": 2 }""", "[1, 2]"), Is.Empty);
        });
    }

    [Test]
    public void ItemsValidatesEveryElementAtItsIndex()
    {
        Assert.That(
            Validate("""{ "items": { "type": "string" } }""", """["a", 2, "c", null]"""),
            Is.EqualTo(new[] { V("/1", "expected string, got number"), V("/3", "expected string, got null") })
        );
    }

    [Test]
    public void BooleanSchemas()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Validate("true", "{}"), Is.Empty);
            Assert.That(Validate("false", "3"), Is.EqualTo(new[] { V("", "3 is not allowed here") }));
            Assert.That(Validate("""{ "items": false }""", "[]"), Is.Empty);
        });
    }

    [Test]
    public void AnnotationKeywordsAreIgnored()
    {
        const string schema = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.test/s.json",
              "title": "t", "description": "d", "examples": [1], "default": 2, "$comment": "c",
              "type": "integer"
            }
            """;
        Assert.That(Validate(schema, "\"x\""), Is.EqualTo(new[] { V("", "expected integer, got string") }));
    }
}
