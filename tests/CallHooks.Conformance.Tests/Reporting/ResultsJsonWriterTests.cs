using System.Text;
using System.Text.Json;
using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Reporting.Json;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Tests.Reporting;

public sealed class ResultsJsonWriterTests
{
    [Test]
    public void RunLevelFieldsFollowTheDocumentedShapeInOrder()
    {
        using var document = Parse(RunFixtures.Run(), out _);
        var root = document.RootElement;

        Assert.That(
            root.EnumerateObject().Select(property => property.Name),
            Is.EqualTo(
                new[]
                {
                    "tool",
                    "version",
                    "format",
                    "seed",
                    "now",
                    "target",
                    "embeddedListener",
                    "inProcess",
                    "commandLine",
                    "options",
                    "startedAt",
                    "finishedAt",
                    "durationMs",
                    "interrupted",
                    "checked",
                    "summary",
                    "rules",
                    "scenarios",
                }
            )
        );
        Assert.That(root.GetProperty("tool").GetString(), Is.EqualTo("callhooks"));
        Assert.That(root.GetProperty("version").GetString(), Is.EqualTo("0.1.0"));
        Assert.That(root.GetProperty("seed").GetInt32(), Is.EqualTo(42));
        Assert.That(root.GetProperty("now").GetString(), Is.EqualTo("2026-11-22T10:00:00.000Z"));
        Assert.That(root.GetProperty("target").GetString(), Is.EqualTo("http://127.0.0.1:5055/hooks?token=[redacted]"));
        Assert.That(root.GetProperty("embeddedListener").GetBoolean(), Is.False);
        Assert.That(root.GetProperty("commandLine").GetString(), Does.StartWith("callhooks run --target"));
        Assert.That(
            root.GetProperty("options").EnumerateObject().Select(option => $"{option.Name}={option.Value.GetString()}"),
            Is.EqualTo(new[] { "method=POST", "encoding=form", "auth=header" })
        );
        Assert.That(root.GetProperty("startedAt").GetString(), Is.EqualTo("2026-11-22T10:00:00.000Z"));
        Assert.That(root.GetProperty("finishedAt").GetString(), Is.EqualTo("2026-11-22T10:00:01.234Z"));
        Assert.That(root.GetProperty("durationMs").GetDouble(), Is.EqualTo(1234.568));
    }

    [Test]
    public void The_run_and_each_scenario_say_what_their_verdict_rests_on()
    {
        using var document = Parse(RunFixtures.Run(), out _);
        var run = document.RootElement.GetProperty("checked");
        Assert.That(
            run.EnumerateObject().Select(property => property.Name),
            Is.EqualTo(new[] { "label", "answers", "records", "crmPushes", "security", "robustness", "notChecked" })
        );
        Assert.That((run.GetProperty("label").GetString(), run.GetProperty("records").GetString()), Is.EqualTo(("answers only", "none")));
        Assert.That(run.GetProperty("notChecked")[0].GetString(), Does.StartWith("the listener's data: add --verify-url URL"));
        Assert.That(
            document.RootElement.GetProperty("scenarios")[0].GetProperty("checked").GetProperty("label").GetString(),
            Is.EqualTo("answers only")
        );
    }

    [Test]
    public void SummaryCountsScenariosAndDeliveries()
    {
        using var document = Parse(RunFixtures.Run(), out _);
        var summary = document.RootElement.GetProperty("summary");

        Assert.That(
            summary.EnumerateObject().Select(property => $"{property.Name}={property.Value.GetInt32()}"),
            Is.EqualTo(new[] { "total=3", "passed=1", "failed=2", "deliveries=7", "deliveriesFailed=2" })
        );
    }

    [Test]
    public void ScenarioFieldsAreWritten()
    {
        using var document = Parse(RunFixtures.Run(), out _);
        var scenario = document.RootElement.GetProperty("scenarios")[1];

        Assert.That(
            scenario.EnumerateObject().Select(property => property.Name),
            Is.EqualTo(
                new[]
                {
                    "provider",
                    "name",
                    "description",
                    "callId",
                    "customer",
                    "seed",
                    "passed",
                    "status",
                    "checked",
                    "durationMs",
                    "deliveries",
                    "skipped",
                    "rules",
                }
            )
        );
        Assert.That(scenario.GetProperty("provider").GetString(), Is.EqualTo("myoperator-incall"));
        Assert.That(scenario.GetProperty("name").GetString(), Is.EqualTo("incoming-missed"));
        Assert.That(scenario.GetProperty("description").GetString(), Is.EqualTo("incoming-missed described"));
        Assert.That(scenario.GetProperty("callId").GetString(), Is.EqualTo("uid-incoming-missed"));
        Assert.That(scenario.GetProperty("customer").GetString(), Is.EqualTo("+919876543210"));
        Assert.That(scenario.GetProperty("seed").GetInt32(), Is.EqualTo(4242));
        Assert.That(scenario.GetProperty("passed").GetBoolean(), Is.False);
        Assert.That(scenario.GetProperty("durationMs").GetDouble(), Is.EqualTo(250.5));
        Assert.That(scenario.GetProperty("deliveries").GetArrayLength(), Is.EqualTo(2));
    }

    [Test]
    public void AFailingStatusDeliveryCarriesRequestResponseAndFailures()
    {
        using var document = Parse(RunFixtures.Run(), out _);
        var delivery = document.RootElement.GetProperty("scenarios")[1].GetProperty("deliveries")[1];

        Assert.That(
            delivery.EnumerateObject().Select(property => property.Name),
            Is.EqualTo(new[] { "index", "event", "eventTime", "sentAt", "passed", "expected", "failures", "request", "response", "error" })
        );
        Assert.That(delivery.GetProperty("index").GetInt32(), Is.EqualTo(1));
        Assert.That(delivery.GetProperty("event").GetString(), Is.EqualTo("6"));
        // 15:30:01 at +05:30 is 10:00:01 UTC.
        Assert.That(delivery.GetProperty("eventTime").GetString(), Is.EqualTo("2026-11-22T10:00:01.000Z"));
        Assert.That(delivery.GetProperty("sentAt").GetString(), Is.EqualTo("2026-11-22T10:00:02.000Z"));
        Assert.That(delivery.GetProperty("passed").GetBoolean(), Is.False);
        Assert.That(delivery.GetProperty("expected").GetString(), Is.EqualTo("status 2xx within 5s"));
        Assert.That(
            delivery.GetProperty("failures").EnumerateArray().Select(failure => failure.GetString()),
            Is.EqualTo(new[] { "status 500 is not 2xx" })
        );

        var request = delivery.GetProperty("request");
        Assert.That(
            request.EnumerateObject().Select(property => property.Name),
            Is.EqualTo(new[] { "method", "url", "headers", "contentType", "body" })
        );
        Assert.That(request.GetProperty("method").GetString(), Is.EqualTo("POST"));
        Assert.That(request.GetProperty("url").GetString(), Is.EqualTo("http://127.0.0.1:5055/hooks?token=[redacted]"));
        Assert.That(Headers(request), Is.EqualTo(new[] { "Content-Type: application/x-www-form-urlencoded", "X-Api-Key: [redacted]" }));
        Assert.That(request.GetProperty("contentType").GetString(), Is.EqualTo("application/x-www-form-urlencoded"));
        Assert.That(request.GetProperty("body").GetString(), Is.EqualTo("call_state=6&uid=abc"));

        var response = delivery.GetProperty("response");
        Assert.That(
            response.EnumerateObject().Select(property => property.Name),
            Is.EqualTo(new[] { "status", "reason", "headers", "body", "bodyBytes", "bodyTruncated", "headersMs", "latencyMs" })
        );
        Assert.That(response.GetProperty("status").GetInt32(), Is.EqualTo(500));
        Assert.That(response.GetProperty("reason").GetString(), Is.EqualTo("Internal Server Error"));
        Assert.That(Headers(response), Is.EqualTo(new[] { "Content-Type: text/html", "Set-Cookie: a=1", "Set-Cookie: b=2" }));
        Assert.That(response.GetProperty("body").GetString(), Is.EqualTo(RunFixtures.NastyBody));
        Assert.That(response.GetProperty("bodyBytes").GetInt64(), Is.EqualTo(41));
        Assert.That(response.GetProperty("bodyTruncated").GetBoolean(), Is.False);
        Assert.That(response.GetProperty("headersMs").GetDouble(), Is.EqualTo(11.0));
        Assert.That(response.GetProperty("latencyMs").GetDouble(), Is.EqualTo(12.346));
        Assert.That(delivery.GetProperty("error").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public void ATimeoutHasAnErrorAndNoResponse()
    {
        using var document = Parse(RunFixtures.Run(), out _);
        var delivery = document.RootElement.GetProperty("scenarios")[2].GetProperty("deliveries")[0];

        Assert.That(delivery.GetProperty("response").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var error = delivery.GetProperty("error");
        Assert.That(error.EnumerateObject().Select(property => property.Name), Is.EqualTo(new[] { "kind", "message", "latencyMs" }));
        Assert.That(error.GetProperty("kind").GetString(), Is.EqualTo("timeout"));
        Assert.That(error.GetProperty("message").GetString(), Is.EqualTo("no response within 5s"));
        Assert.That(error.GetProperty("latencyMs").GetDouble(), Is.EqualTo(5000.0));
    }

    [TestCase(FailureKind.ConnectionRefused, "connectionRefused")]
    [TestCase(FailureKind.NameResolution, "nameResolution")]
    [TestCase(FailureKind.Timeout, "timeout")]
    [TestCase(FailureKind.ConnectionReset, "connectionReset")]
    [TestCase(FailureKind.EmptyReply, "emptyReply")]
    [TestCase(FailureKind.MalformedResponse, "malformedResponse")]
    [TestCase(FailureKind.Tls, "tls")]
    [TestCase(FailureKind.Cancelled, "cancelled")]
    [TestCase(FailureKind.Other, "other")]
    public void FailureKindsAreWrittenInCamelCase(object kindCase, string expected)
    {
        var kind = (FailureKind)kindCase;
        var scenario = RunFixtures.Scenario(
            "p",
            "s",
            [
                RunFixtures.Delivery(
                    0,
                    "1",
                    new Observation
                    {
                        SentAt = RunFixtures.Start,
                        LatencyMs = 1,
                        Failure = new ObservedFailure(kind, "m"),
                    },
                    "failed"
                ),
            ]
        );
        using var document = Parse(RunFixtures.Run([scenario]), out _);

        var error = document.RootElement.GetProperty("scenarios")[0].GetProperty("deliveries")[0].GetProperty("error");
        Assert.That(error.GetProperty("kind").GetString(), Is.EqualTo(expected));
    }

    [Test]
    public void NowIsNullWhenTheRealClockWasUsed()
    {
        using var document = Parse(RunFixtures.Run(fixedClock: false), out _);

        Assert.That(document.RootElement.GetProperty("now").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public void OutputIsIndentedUtf8WithoutBomWithGreppableText()
    {
        Parse(RunFixtures.Run(), out var bytes).Dispose();
        var text = Encoding.UTF8.GetString(bytes);

        Assert.That(bytes.Take(3), Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.That(text, Does.StartWith("{\n  \"tool\": \"callhooks\","));
        Assert.That(text, Does.EndWith("}\n"));
        // Relaxed escaping keeps phone numbers and markup readable (results.json is data, never rendered as HTML);
        // control characters from a listener still never appear raw.
        Assert.That(text, Does.Contain("<script>"));
        Assert.That(text, Does.Not.Contain("\u0001"));
        Assert.That(text, Does.Contain("\\u0001"));
        Assert.That(text, Does.Not.Contain("\r"));
    }

    [Test]
    public void ALoneSurrogateInABodyDoesNotBreakTheFile()
    {
        var observation = RunFixtures.Ok(1) with { Response = new ObservedResponse(200, "OK", [], "a\uD800b", 3, false, 1) };
        using var document = Parse(RunFixtures.Run([RunFixtures.Scenario("p", "s", [RunFixtures.Delivery(0, "1", observation)])]), out _);

        var body = document
            .RootElement.GetProperty("scenarios")[0]
            .GetProperty("deliveries")[0]
            .GetProperty("response")
            .GetProperty("body")
            .GetString();
        Assert.That(body, Is.EqualTo("a\uFFFDb"));
    }

    [Test]
    public void TheSameResultGivesTheSameBytes()
    {
        Parse(RunFixtures.Run(), out var first).Dispose();
        Parse(RunFixtures.Run(), out var second).Dispose();

        Assert.That(second, Is.EqualTo(first));
    }

    private static JsonDocument Parse(RunResult result, out byte[] bytes)
    {
        using var stream = new MemoryStream();
        ResultsJsonWriter.Write(result, stream);
        bytes = stream.ToArray();
        return JsonDocument.Parse(bytes);
    }

    private static IEnumerable<string> Headers(JsonElement message) =>
        message
            .GetProperty("headers")
            .EnumerateArray()
            .Select(header => $"{header.GetProperty("name").GetString()}: {header.GetProperty("value").GetString()}");
}
