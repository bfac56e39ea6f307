using System.Text;
using System.Text.Json;
using CallHooks.Conformance.Scenarios.Schema;

namespace CallHooks.Conformance.Tests.Scenarios.Schema;

public sealed class JsonPositionMapTests
{
    private static JsonPositionMap Map(string text) => JsonPositionMap.Build(Encoding.UTF8.GetBytes(text));

    [Test]
    public void RootAndNestedValuesAreLocatedByLineAndColumn()
    {
        var map = Map("{\n  \"a\": [10, {\"b\": true}],\n  \"c\": null\n}");
        Assert.Multiple(() =>
        {
            Assert.That(map.Locate(""), Is.EqualTo((1, 1)));
            Assert.That(map.Locate("/a"), Is.EqualTo((2, 8)));
            Assert.That(map.Locate("/a/0"), Is.EqualTo((2, 9)));
            Assert.That(map.Locate("/a/1"), Is.EqualTo((2, 13)));
            Assert.That(map.Locate("/a/1/b"), Is.EqualTo((2, 19)));
            Assert.That(map.Locate("/c"), Is.EqualTo((3, 8)));
        });
    }

    [Test]
    public void ColumnsCountCharactersNotBytes()
    {
        // "é" is 2 bytes, "€" 3 and "😀" 4; each is one column.
        var map = Map("{\"note\": \"é€😀\", \"x\": 1,\n \"ü\": \"😀😀\", \"y\": 2}");
        Assert.Multiple(() =>
        {
            Assert.That(map.Locate("/x"), Is.EqualTo((1, 22)));
            Assert.That(map.Locate("/ü"), Is.EqualTo((2, 7)));
            Assert.That(map.Locate("/y"), Is.EqualTo((2, 18)));
            Assert.That(map.LocateProperty("/y"), Is.EqualTo((2, 13)));
        });
    }

    [Test]
    public void CrlfAndLfLineEndingsGiveTheSamePositions()
    {
        const string lf = "{\n  \"name\": \"ä\",\n  \"events\": [\n    { \"after\": \"5 s\" }\n  ]\n}\n";
        var crlf = lf.Replace("\n", "\r\n", StringComparison.Ordinal);
        foreach (var map in new[] { Map(lf), Map(crlf) })
        {
            Assert.Multiple(() =>
            {
                Assert.That(map.Locate("/name"), Is.EqualTo((2, 11)));
                Assert.That(map.Locate("/events/0/after"), Is.EqualTo((4, 16)));
                Assert.That(map.LocateProperty("/events/0/after"), Is.EqualTo((4, 7)));
            });
        }
    }

    [Test]
    public void LoneCarriageReturnAlsoEndsALine()
    {
        Assert.That(Map("{\r\"a\": 1}").Locate("/a"), Is.EqualTo((2, 6)));
    }

    [Test]
    public void MissingPointerFallsBackToNearestExistingAncestor()
    {
        var map = Map("{\n  \"call\": {\n    \"type\": \"obd\"\n  },\n  \"events\": []\n}");
        Assert.Multiple(() =>
        {
            Assert.That(map.Locate("/call/outcome"), Is.EqualTo((2, 11)));
            Assert.That(map.Locate("/events/3/after"), Is.EqualTo((5, 13)));
            Assert.That(map.Locate("/nothing/here"), Is.EqualTo((1, 1)));
        });
    }

    [Test]
    public void LocatePropertyPointsAtTheNameAndFallsBackToTheValue()
    {
        var map = Map("{\n  \"evnt\": \"5\",\n  \"list\": [\"x\"]\n}");
        Assert.Multiple(() =>
        {
            Assert.That(map.LocateProperty("/evnt"), Is.EqualTo((2, 3)));
            Assert.That(map.Locate("/evnt"), Is.EqualTo((2, 11)));
            Assert.That(map.LocateProperty("/list/0"), Is.EqualTo((3, 12)));
            Assert.That(map.LocateProperty("/missing"), Is.EqualTo((1, 1)));
        });
    }

    [Test]
    public void PropertyNamesWithPointerCharactersAreEscaped()
    {
        var map = Map("{\"a/b\": {\"c~d\": 1}}");
        Assert.That(map.Locate("/a~1b/c~0d"), Is.EqualTo((1, 17)));
    }

    [Test]
    public void ByteOrderMarkIsNotAColumn()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }
            .Concat(Encoding.UTF8.GetBytes("{\"a\": 1}"))
            .ToArray();
        Assert.That(JsonPositionMap.Build(bytes).Locate("/a"), Is.EqualTo((1, 7)));
    }

    [Test]
    public void ScalarRootDocument()
    {
        Assert.That(Map("  \n  42").Locate(""), Is.EqualTo((2, 3)));
    }

    [TestCase("{\"a\": 1, // c\n}")]
    [TestCase("{\"a\": 1,}")]
    [TestCase("{\"a\": ")]
    public void NonStrictOrBrokenJsonIsRejected(string text)
    {
        Assert.That(() => Map(text), Throws.InstanceOf<JsonException>());
    }

    [Test]
    public void MalformedPointerIsRejected()
    {
        Assert.That(() => Map("{}").Locate("a"), Throws.ArgumentException);
    }
}
