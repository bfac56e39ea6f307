using System.Text;
using System.Text.Json;
using CallHooks.Conformance.Reporting.Html;

namespace CallHooks.Conformance.Tests.Reporting;

public sealed class HtmlSafeJsonTests
{
    [TestCase("<", "\\u003c")]
    [TestCase(">", "\\u003e")]
    [TestCase("&", "\\u0026")]
    [TestCase("\u2028", "\\u2028")]
    [TestCase("\u2029", "\\u2029")]
    [TestCase("a</script>b", "a\\u003c/script\\u003eb")]
    [TestCase("नमस्ते +91", "नमस्ते +91")]
    [TestCase("\u2026 \u20AC", "\u2026 \u20AC")]
    public void Escapes_exactly_what_html_or_old_javascript_would_read_differently(string text, string escaped)
    {
        Assert.That(Escape(JsonSerializer.Serialize(text, Relaxed)), Is.EqualTo("\"" + escaped + "\""));
    }

    [Test]
    public void The_escaped_json_parses_back_to_the_original()
    {
        const string text = "<img src=x onerror=\"alert(1)\"> & </script><!-- \u2028\u2029 नमस्ते";

        var escaped = Escape(JsonSerializer.Serialize(new { body = text }, Relaxed));

        Assert.That(JsonDocument.Parse(escaped).RootElement.GetProperty("body").GetString(), Is.EqualTo(text));
    }

    private static readonly JsonSerializerOptions Relaxed = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string Escape(string json)
    {
        using var output = new MemoryStream();
        HtmlSafeJson.Write(Encoding.UTF8.GetBytes(json), output);
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
