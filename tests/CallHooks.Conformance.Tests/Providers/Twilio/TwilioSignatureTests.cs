using System.Text;
using CallHooks.Conformance.Providers.Twilio;

namespace CallHooks.Conformance.Tests.Providers.Twilio;

/// <summary>
/// X-Twilio-Signature against Twilio's published worked example (twilio.com/docs/usage/security, "Explore the
/// algorithm yourself") and the JSON variant's bodySHA256.
/// </summary>
public sealed class TwilioSignatureTests
{
    private static readonly KeyValuePair<string, string>[] DocParameters =
    [
        new("Digits", "1234"),
        new("To", "+18005551212"),
        new("From", "+14158675310"),
        new("Caller", "+14158675310"),
        new("CallSid", "CA1234567890ABCDE"),
    ];

    [Test]
    public void Reproduces_twilios_published_worked_example()
    {
        // Auth token 12345; the page's expected Base64 of the HMAC-SHA1.
        Assert.That(
            TwilioSignature.Compute("12345", "https://example.com/myapp.php?foo=1&bar=2", DocParameters),
            Is.EqualTo("L/OH5YylLD5NRKLltdqwSvS0BnU=")
        );
    }

    [Test]
    public void Reproduces_the_bodySHA256_of_twilios_json_example()
    {
        // The JSON example's URL carries bodySHA256=5ccde714...; its signature is made with an unpublished token.
        var body = Encoding.UTF8.GetBytes("{\"CallSid\":\"CA1234567890ABCDE\",\"Caller\":\"+12349013030\"}");
        Assert.That(TwilioSignature.BodyHash(body), Is.EqualTo("5ccde7145dfb8f56479710896586cb9d5911809d83afbe34627818790db0aec9"));
    }

    [Test]
    public void Json_requests_sign_the_url_with_bodySHA256_alone()
    {
        // Independent value: python3 -c "import hmac,hashlib,base64; print(base64.b64encode(hmac.new(b'12345',
        //   b'https://example.com/myapp?bodySHA256=5ccde7145dfb8f56479710896586cb9d5911809d83afbe34627818790db0aec9', hashlib.sha1).digest()))"
        Assert.That(
            TwilioSignature.Compute(
                "12345",
                "https://example.com/myapp?bodySHA256=5ccde7145dfb8f56479710896586cb9d5911809d83afbe34627818790db0aec9",
                []
            ),
            Is.EqualTo("hPXmLwIy3Fgqv1i9KPmH/HhQ6zo=")
        );
    }

    [Test]
    public void Parameters_are_sorted_case_sensitively_whatever_order_they_came_in()
    {
        var shuffled = DocParameters.Reverse().ToArray();
        Assert.That(
            TwilioSignature.Compute("12345", "https://example.com/myapp.php?foo=1&bar=2", shuffled),
            Is.EqualTo("L/OH5YylLD5NRKLltdqwSvS0BnU=")
        );
        // Ordinal: "Zeta" sorts before "alpha", as Unix sort does.
        Assert.That(
            TwilioSignature.Compute("k", "u", [new("alpha", "1"), new("Zeta", "2")]),
            Is.EqualTo(TwilioSignature.Compute("k", "uZeta2alpha1", []))
        );
    }

    [TestCase("http://127.0.0.1:8080/twilio?a=1", "http://127.0.0.1:8080/twilio?a=1")]
    [TestCase("https://crm.example.com:8443/twilio", "https://crm.example.com/twilio")]
    [TestCase("https://crm.example.com/hook", "https://crm.example.com/hook")]
    public void The_signed_url_keeps_the_port_over_http_and_drops_it_over_https(string url, string signed)
    {
        Assert.That(TwilioSignature.SignedUrl(new Uri(url)), Is.EqualTo(signed));
    }
}
