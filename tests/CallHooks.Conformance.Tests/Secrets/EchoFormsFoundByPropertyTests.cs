using CallHooks.Conformance.Secrets;

namespace CallHooks.Conformance.Tests.Secrets;

/// <summary>
/// The echoes the masking property found left in clear, kept as examples (each form as PHP or Node really writes it):
/// before these, a listener echoing a secret in any of these ways put it into every report.
/// </summary>
public sealed class EchoFormsFoundByPropertyTests
{
    [TestCase("n4cQZ3WDI5atjr38GrvR", "bjRjUVozV0RJNWF0anIzOEdydlI", TestName = "Node base64url, unpadded (seed 0002-8brkHa1)")]
    [TestCase("Tok(en)~x!", "Tok%28en%29%7Ex%21", TestName = "PHP urlencode: tilde and parentheses encoded")]
    [TestCase("Tok en(x)~'y/z", "Tok%20en(x)~'y%2Fz", TestName = "JavaScript encodeURIComponent: parentheses, tilde and apostrophe kept")]
    [TestCase("it's<Tok&en>", "it&#039;s&lt;Tok&amp;en&gt;", TestName = "PHP htmlspecialchars: apostrophe as &#039;")]
    [TestCase("it's<Tok&en>", "it\\'s<Tok&en>", TestName = "PHP var_export and addslashes: backslashed apostrophe")]
    [TestCase(
        "tök\u00a0\"en\u200b",
        "tök\u00a0\\\"en\u200b",
        TestName = "JavaScript JSON.stringify: non-ASCII left raw (seed 8dvYq4akwwx3)"
    )]
    public void An_echo_found_by_the_property_is_masked(string secret, string echoed)
    {
        var masked = Redactor.Text([secret], "{\"echo\":\"" + echoed + "\"}");
        Assert.That(masked, Is.EqualTo("{\"echo\":\"" + Redactor.Mask + "\"}"));
    }
}
