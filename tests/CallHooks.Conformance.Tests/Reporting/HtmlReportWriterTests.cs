using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Reporting.Html;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Tests.Reporting;

public sealed partial class HtmlReportWriterTests
{
    [Test]
    public void The_page_carries_the_run_as_json_that_parses_back()
    {
        using var data = Data(RunFixtures.Run());
        var root = data.RootElement;

        Assert.That(
            root.GetProperty("commandLine").GetString(),
            Is.EqualTo("callhooks run --target http://127.0.0.1:5055/hooks?token=[redacted] --seed 42")
        );
        Assert.That(root.GetProperty("summary").GetProperty("failed").GetInt32(), Is.EqualTo(2));
        Assert.That(root.GetProperty("summary").GetProperty("deliveries").GetInt32(), Is.EqualTo(7));
        Assert.That(
            root.GetProperty("providers").EnumerateArray().Select(p => p.GetString()),
            Is.EqualTo(new[] { "myoperator-incall", "exotel-passthru" })
        );
        var failed = root.GetProperty("scenarios")[1].GetProperty("deliveries")[1];
        Assert.That(failed.GetProperty("outcome").GetString(), Is.EqualTo("500 Internal Server Error"));
        Assert.That(
            failed.GetProperty("detail").GetProperty("response").GetProperty("body").GetString(),
            Is.EqualTo(RunFixtures.NastyBody)
        );
        Assert.That(failed.GetProperty("detail").GetProperty("failures")[0].GetString(), Is.EqualTo("status 500 is not 2xx"));
        var timeout = root.GetProperty("scenarios")[2].GetProperty("deliveries")[0];
        Assert.That(timeout.GetProperty("outcome").GetString(), Is.EqualTo("timeout"));
        Assert.That(timeout.GetProperty("status").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(timeout.GetProperty("detail").GetProperty("error").GetProperty("kind").GetString(), Is.EqualTo("timeout"));
    }

    [Test]
    public void Listener_text_cannot_close_the_data_element_and_still_reads_back_exactly()
    {
        const string body = "</script><script>alert(1)</script><!-- & \u2028\u2029 </SCRIPT >";
        var run = RunFixtures.Run([RunFixtures.Scenario("p", "s", [RunFixtures.Delivery(0, "1", Answer(body), "bad")])]);

        var html = Page(run);

        Assert.That(Regex.Matches(html, "</script", RegexOptions.IgnoreCase), Has.Count.EqualTo(2), "only the two elements' own end tags");
        Assert.That(Regex.Matches(html, "<!--"), Is.Empty);
        Assert.That(
            DataText(html),
            Does.Not.Contain("<").And.Not.Contain(">").And.Not.Contain("&").And.Not.Contain("\u2028").And.Not.Contain("\u2029")
        );
        using var data = JsonDocument.Parse(DataText(html));
        Assert.That(
            data.RootElement.GetProperty("scenarios")[0]
                .GetProperty("deliveries")[0]
                .GetProperty("detail")
                .GetProperty("response")
                .GetProperty("body")
                .GetString(),
            Is.EqualTo(body)
        );
    }

    [Test]
    public void Failures_keep_their_detail_and_passes_are_a_bounded_sample()
    {
        var run = RunFixtures.Run([RunFixtures.Passing(), RunFixtures.FailingStatus()]);
        using var stream = new MemoryStream();
        ReportData.Write(run, stream, passingDetailLimit: 2);
        using var data = JsonDocument.Parse(stream.ToArray());

        var kept = data
            .RootElement.GetProperty("scenarios")
            .EnumerateArray()
            .SelectMany(scenario => scenario.GetProperty("deliveries").EnumerateArray())
            .Select(delivery =>
                (Passed: delivery.GetProperty("passed").GetBoolean(), Kept: delivery.GetProperty("detail").ValueKind != JsonValueKind.Null)
            )
            .ToList();
        Assert.That(kept, Is.EqualTo(new[] { (true, true), (true, true), (true, false), (true, false), (true, false), (false, true) }));
        Assert.That(data.RootElement.GetProperty("detail").GetProperty("kept").GetInt32(), Is.EqualTo(3));
        Assert.That(data.RootElement.GetProperty("summary").GetProperty("deliveries").GetInt32(), Is.EqualTo(6), "counts stay exact");
    }

    [Test]
    public void Long_response_bodies_are_cut_for_the_page_and_marked()
    {
        var body = new string('x', DeliveryData.ResponseBodyLimit + 10);
        using var data = Data(RunFixtures.Run([RunFixtures.Scenario("p", "s", [RunFixtures.Delivery(0, "1", Answer(body), "bad")])]));

        var response = data
            .RootElement.GetProperty("scenarios")[0]
            .GetProperty("deliveries")[0]
            .GetProperty("detail")
            .GetProperty("response");
        Assert.That(response.GetProperty("body").GetString(), Has.Length.EqualTo(DeliveryData.ResponseBodyLimit));
        Assert.That(response.GetProperty("bodyCut").GetBoolean(), Is.True);
    }

    [Test]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        Assert.That(DeliveryData.Cut("ab\U0001F600", 3), Is.EqualTo("ab"));
        Assert.That(DeliveryData.Cut("ab\U0001F600", 4), Is.EqualTo("ab\U0001F600"));
    }

    [Test]
    public void Content_security_policy_lets_only_the_embedded_script_and_style_run_and_nothing_load()
    {
        var html = Page(RunFixtures.Run());
        var policy = Regex.Match(html, "http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\"").Groups[1].Value;
        var script = Regex.Match(html, "<script>(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        var style = Regex.Match(html, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;

        Assert.That(policy, Does.StartWith("default-src 'none'; "));
        Assert.That(policy, Does.Contain($"script-src 'sha256-{Sha256(script)}'"));
        Assert.That(policy, Does.Contain($"style-src 'sha256-{Sha256(style)}'"));
        Assert.That(script, Is.EqualTo(HtmlTemplate.Script));
    }

    [Test]
    public void The_title_is_escaped_and_says_the_verdict()
    {
        Assert.That(Page(RunFixtures.Run()), Does.Contain("<title>callhooks report: 1 passed, 2 failed</title>"));
        Assert.That(Page(RunFixtures.Run() with { Tool = "<x>" }), Does.Contain("<title>&lt;x&gt; report"));
    }

    [Test]
    public void The_template_has_exactly_the_holes_the_writer_fills()
    {
        Assert.That(HtmlTemplate.Page.Holes, Is.EquivalentTo(new[] { "csp", "title", "css", "data", "script" }));
    }

    [Test]
    public void Text_put_into_a_hole_is_not_searched_for_holes_again()
    {
        using var output = new MemoryStream();
        HtmlTemplate
            .Parse("a{{one}}b{{two}}c")
            .Write(output, (hole, stream) => stream.Write(Encoding.UTF8.GetBytes(hole == "one" ? "{{two}}" : "2")));

        Assert.That(Encoding.UTF8.GetString(output.ToArray()), Is.EqualTo("a{{two}}b2c"));
    }

    [Test]
    public void The_page_script_never_turns_text_into_markup()
    {
        // Listener data reaches the page as text nodes only; these are the ways a script could parse it as HTML.
        Assert.That(
            HtmlTemplate.Script,
            Does.Not.Contain("innerHTML")
                .And.Not.Contain("outerHTML")
                .And.Not.Contain("insertAdjacentHTML")
                .And.Not.Contain("document.write")
                .And.Not.Contain("eval(")
                .And.Not.Contain("new Function")
                .And.Not.Contain("DOMParser")
                .And.Not.Contain("createContextualFragment")
                .And.Not.Contain("setAttribute('on")
                .And.Not.Contain("srcdoc")
        );
    }

    [Test]
    public void The_page_refers_to_nothing_outside_itself()
    {
        // The fixed parts only: a target URL in the data is text on the page, never loaded.
        var everything = Page(RunFixtures.Run([]) with { Target = "t", CommandLine = "c" });

        // The SVG namespace is a name, not a load; anything else with a scheme would be one.
        var addresses = Regex
            .Matches(everything, @"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}[^\s""')]*", RegexOptions.IgnoreCase)
            .Select(match => match.Value);
        Assert.That(addresses, Is.All.EqualTo("http://www.w3.org/2000/svg"));
        Assert.That(
            everything,
            Does.Not.Contain("@import")
                .And.Not.Contain("url(")
                .And.Not.Contain(" src=")
                .And.Not.Contain("fetch(")
                .And.Not.Contain("XMLHttpRequest")
        );
    }

    private static string Page(RunResult run)
    {
        using var output = new MemoryStream();
        HtmlReportWriter.Write(run, output);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static string DataText(string html) => DataElement().Match(html).Groups[1].Value;

    private static JsonDocument Data(RunResult run) => JsonDocument.Parse(DataText(Page(run)));

    private static Observation Answer(string body) =>
        RunFixtures.Ok(1) with
        {
            Response = new ObservedResponse(500, "Internal Server Error", [], body, body.Length, false, 1),
        };

    private static string Sha256(string text) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex("<script type=\"application/json\" id=\"report-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex DataElement();
}
