using CallHooks.Conformance.Scenarios.Schema;

namespace CallHooks.Conformance.Tests.Scenarios.Schema;

public sealed class SchemaPatternTests
{
    [TestCase("^a$", @"^a\z")]
    [TestCase(@"^a\$b$", @"^a\$b\z")]
    [TestCase("^[$]$", @"^[$]\z")]
    [TestCase("^[]$]x$", @"^[]$]x\z")]
    [TestCase(@"^[\]$]$", @"^[\]$]\z")]
    [TestCase("(a$|b$)", @"(a\z|b\z)")]
    public void DollarOutsideClassesBecomesEndOfString(string pattern, string expected)
    {
        Assert.That(SchemaPattern.AnchorEndStrictly(pattern), Is.EqualTo(expected));
    }

    [Test]
    public void CompiledPatternsAreCached()
    {
        var first = SchemaPattern.Get("^x+$");
        var second = SchemaPattern.Get("^x+$");
        Assert.That(second, Is.SameAs(first));
    }
}
