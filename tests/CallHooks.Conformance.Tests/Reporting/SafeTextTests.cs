using System.Xml;
using CallHooks.Conformance.Reporting.Text;

namespace CallHooks.Conformance.Tests.Reporting;

/// <summary>
/// Every character of the basic plane, alone between two letters and at either end: XML keeps exactly what XML 1.0
/// allows, JSON turns exactly the lone surrogates into U+FFFD, and paired surrogates survive both.
/// </summary>
public sealed class SafeTextTests
{
    [Test]
    public void Keeps_exactly_the_characters_each_format_can_carry()
    {
        for (var code = 0; code <= 0xFFFF; code++)
        {
            var c = (char)code;
            foreach (var text in new[] { $"a{c}b", $"{c}", $"{c}tail" })
            {
                var forXml = text.Replace(c.ToString(), XmlConvert.IsXmlChar(c) ? c.ToString() : "", StringComparison.Ordinal);
                var forJson = text.Replace(c.ToString(), char.IsSurrogate(c) ? "\uFFFD" : c.ToString(), StringComparison.Ordinal);
                if (SafeText.ForXml(text) != forXml || SafeText.ForJson(text) != forJson)
                    Assert.Fail(
                        $"U+{code:X4} in \"{text}\": XML gave {Describe(SafeText.ForXml(text))}, JSON gave {Describe(SafeText.ForJson(text))}"
                    );
            }
        }
    }

    [TestCase("plain \U0001F600 emoji")]
    [TestCase("\U0001F600")]
    [TestCase("tab\tline\nreturn\r")]
    public void Leaves_clean_text_and_surrogate_pairs_alone(string text)
    {
        Assert.That(SafeText.ForXml(text), Is.SameAs(text));
        Assert.That(SafeText.ForJson(text), Is.SameAs(text));
    }

    [Test]
    public void Drops_only_the_refused_character_beside_a_pair()
    {
        Assert.That(SafeText.ForXml("\U0001F600\u0001x\uD800"), Is.EqualTo("\U0001F600x"));
        Assert.That(SafeText.ForJson("\U0001F600\u0001x\uD800"), Is.EqualTo("\U0001F600\u0001x\uFFFD"));
    }

    private static string Describe(string text) => string.Join(" ", text.Select(c => $"U+{(int)c:X4}"));
}
