using System.Text;
using System.Xml.Linq;
using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Reporting.JUnit;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Tests.Reporting;

public sealed class JUnitWriterTests
{
    [Test]
    public void OutputIsValidAgainstTheJUnitSchema()
    {
        Assert.That(JUnitSchema.Validate(Write(RunFixtures.Run())), Is.Empty);
    }

    [Test]
    public void AnEmptyRunIsValidToo()
    {
        var bytes = Write(RunFixtures.Run([], fixedClock: false));

        Assert.That(JUnitSchema.Validate(bytes), Is.Empty);
        Assert.That(JUnitSchema.Parse(bytes).Root!.Attribute("tests")!.Value, Is.EqualTo("0"));
    }

    [Test]
    public void SchemaRejectsADocumentThatBreaksTheFormat()
    {
        // Guards the guard: a schema that accepted anything would make the validity test worthless.
        var bytes = Encoding.UTF8.GetBytes("<testsuites><testsuite name=\"x\" tests=\"one\"/></testsuites>");

        Assert.That(JUnitSchema.Validate(bytes), Has.Some.StartWith("Error"));
    }

    [Test]
    public void RootCountsEveryScenario()
    {
        var root = JUnitSchema.Parse(Write(RunFixtures.Run())).Root!;

        Assert.That(root.Name.LocalName, Is.EqualTo("testsuites"));
        Assert.That(root.Attribute("name")!.Value, Is.EqualTo("callhooks"));
        Assert.That(root.Attribute("tests")!.Value, Is.EqualTo("3"));
        Assert.That(root.Attribute("failures")!.Value, Is.EqualTo("2"));
        Assert.That(root.Attribute("errors")!.Value, Is.EqualTo("0"));
        Assert.That(root.Attribute("time")!.Value, Is.EqualTo("1.235"));
        Assert.That(root.Attribute("timestamp")!.Value, Is.EqualTo("2026-11-22T10:00:00"));
    }

    [Test]
    public void OneSuitePerProviderWithItsOwnCounts()
    {
        var suites = JUnitSchema.Parse(Write(RunFixtures.Run())).Root!.Elements("testsuite").ToList();

        Assert.That(
            suites.Select(suite => suite.Attribute("name")!.Value),
            Is.EqualTo(new[] { RunFixtures.Provider, RunFixtures.OtherProvider })
        );
        Assert.That(
            suites.Select(suite =>
                $"{suite.Attribute("tests")!.Value}/{suite.Attribute("failures")!.Value}/{suite.Attribute("errors")!.Value}"
            ),
            Is.EqualTo(new[] { "2/1/0", "1/1/0" })
        );
        Assert.That(suites[0].Attribute("time")!.Value, Is.EqualTo("0.501"));
        Assert.That(
            suites[0]
                .Elements("testcase")
                .Select(test => $"{test.Attribute("classname")!.Value} {test.Attribute("name")!.Value} {test.Attribute("time")!.Value}"),
            Is.EqualTo(new[] { "myoperator-incall incoming-answered 0.251", "myoperator-incall incoming-missed 0.251" })
        );
    }

    [Test]
    public void SuitesCarryRunProperties()
    {
        var suite = JUnitSchema.Parse(Write(RunFixtures.Run())).Root!.Element("testsuite")!;
        var properties = suite
            .Element("properties")!
            .Elements("property")
            .Select(property => $"{property.Attribute("name")!.Value}={property.Attribute("value")!.Value}");

        Assert.That(
            properties,
            Is.EqualTo(
                new[]
                {
                    "seed=42",
                    "target=http://127.0.0.1:5055/hooks?token=[redacted]",
                    "now=2026-11-22T10:00:00.000Z",
                    "checked=answers only",
                    "not-checked=the listener's data: add --verify-url URL (the listener's record of a call, {uid} standing for the call's id) or --downstream-port N (a mock CRM the listener pushes to); security: add --suite security; robustness: add --suite robustness",
                    "option.method=POST",
                    "option.encoding=form",
                    "option.auth=header",
                }
            )
        );
    }

    [Test]
    public void Each_suite_says_in_its_output_what_its_verdicts_rest_on()
    {
        var suite = JUnitSchema.Parse(Write(RunFixtures.Run())).Root!.Element("testsuite")!;
        Assert.That(
            suite.Element("system-out")!.Value,
            Does.StartWith("checked: answers (status and timing)\nnot checked: the listener's data: add --verify-url URL")
        );
    }

    [Test]
    public void APassingScenarioHasNoFailure()
    {
        var test = TestCase(Write(RunFixtures.Run()), "incoming-answered");

        Assert.That(test.Element("failure"), Is.Null);
        Assert.That(test.Element("error"), Is.Null);
    }

    [Test]
    public void AFailingStatusIsAFailureWithTheFirstFailureAsMessage()
    {
        var failure = TestCase(Write(RunFixtures.Run()), "incoming-missed").Element("failure")!;

        Assert.That(failure.Attribute("message")!.Value, Is.EqualTo("event 6: status 500 is not 2xx"));
        Assert.That(failure.Attribute("type")!.Value, Is.EqualTo("conformance"));
        Assert.That(
            failure.Value,
            Is.EqualTo(
                "event 6: expected status 2xx within 5s, got 500 Internal Server Error after 12 ms\n" + "  - status 500 is not 2xx\n"
            )
        );
    }

    [Test]
    public void ATimeoutIsAFailureNotAnError()
    {
        var test = TestCase(Write(RunFixtures.Run()), "slow-listener");

        Assert.That(test.Element("error"), Is.Null);
        var failure = test.Element("failure")!;
        Assert.That(failure.Attribute("message")!.Value, Is.EqualTo("event answered: no response within 5s (timeout)"));
        Assert.That(
            failure.Value,
            Does.StartWith("event answered: expected status 2xx within 5s, got timeout after 5000 ms (no response within 5s)\n")
        );
    }

    [Test]
    public void EveryFailedDeliveryIsInTheFailureText()
    {
        var refused = new Observation
        {
            SentAt = RunFixtures.Start,
            LatencyMs = 0.2,
            Failure = new ObservedFailure(FailureKind.ConnectionRefused, "Connection refused (127.0.0.1:5055)"),
        };
        var scenario = RunFixtures.Scenario(
            "p",
            "down",
            [
                RunFixtures.Delivery(0, "1", refused, "no response (connection refused)"),
                RunFixtures.Delivery(1, "2", refused, "no response (connection refused)", "second sentence"),
            ]
        );

        var failure = TestCase(Write(RunFixtures.Run([scenario])), "down").Element("failure")!;

        Assert.That(
            failure.Value,
            Is.EqualTo(
                "event 1: expected status 2xx within 5s, got connection refused after <1 ms (Connection refused (127.0.0.1:5055))\n"
                    + "  - no response (connection refused)\n"
                    + "event 2: expected status 2xx within 5s, got connection refused after <1 ms (Connection refused (127.0.0.1:5055))\n"
                    + "  - no response (connection refused)\n"
                    + "  - second sentence\n"
            )
        );
    }

    [Test]
    public void ALongFirstFailureIsShortenedInTheMessageOnly()
    {
        var sentence = "body does not contain 'ok': " + new string('x', 500) + "\nsecond line";
        var scenario = RunFixtures.Scenario("p", "long", [RunFixtures.Delivery(0, "1", RunFixtures.Ok(1), sentence)]);

        var failure = TestCase(Write(RunFixtures.Run([scenario])), "long").Element("failure")!;

        Assert.That(failure.Attribute("message")!.Value, Has.Length.EqualTo(200).And.EndWith("..."));
        Assert.That(failure.Value, Does.Contain(new string('x', 500)));
    }

    [Test]
    public void SystemOutHasOneLinePerDelivery()
    {
        var output = TestCase(Write(RunFixtures.Run()), "incoming-missed").Element("system-out")!.Value;
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.That(
            lines,
            Is.EqualTo(
                new[]
                {
                    "call uid-incoming-missed customer +919876543210 seed 4242 checked: answers only",
                    "[0] PASS 2026-11-22T10:00:01.000Z POST event 1, got 200 OK after 3 ms",
                    "[1] FAIL 2026-11-22T10:00:02.000Z POST event 6, got 500 Internal Server Error after 12 ms",
                }
            )
        );
    }

    [Test]
    public void InvalidXmlCharactersAreStrippedAndMarkupIsEscaped()
    {
        var body = "<script>alert(1)</script>\u0001\u0008\uFFFE end";
        var observation = RunFixtures.Ok(1) with { Response = new ObservedResponse(500, "Bad\u0002 Thing", [], body, 40, false, 1) };
        var scenario = RunFixtures.Scenario("p\u0003", "nasty\u0000", [RunFixtures.Delivery(0, "1", observation, "body was " + body)]);

        var bytes = Write(RunFixtures.Run([scenario]));
        var text = Encoding.UTF8.GetString(bytes);

        Assert.That(JUnitSchema.Validate(bytes), Is.Empty);
        Assert.That(text, Does.Not.Contain("<script>"));
        Assert.That(text.Any(c => c is '\u0000' or '\u0001' or '\u0002' or '\u0003' or '\u0008' or '\uFFFE'), Is.False);
        var failure = TestCase(bytes, "nasty").Element("failure")!;
        Assert.That(failure.Attribute("message")!.Value, Is.EqualTo("event 1: body was <script>alert(1)</script> end"));
        Assert.That(failure.Value, Does.Contain("got 500 Bad Thing after 1 ms"));
    }

    [Test]
    public void OutputIsUtf8WithoutBom()
    {
        var bytes = Write(RunFixtures.Run());

        Assert.That(bytes.Take(3), Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.That(Encoding.UTF8.GetString(bytes), Does.StartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<testsuites"));
    }

    private static XElement TestCase(byte[] xml, string name) =>
        JUnitSchema.Parse(xml).Descendants("testcase").Single(test => test.Attribute("name")!.Value == name);

    private static byte[] Write(RunResult result)
    {
        using var stream = new MemoryStream();
        JUnitWriter.Write(result, stream);
        return stream.ToArray();
    }
}
