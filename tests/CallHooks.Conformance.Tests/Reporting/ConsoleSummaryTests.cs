using System.Text.RegularExpressions;
using CallHooks.Conformance.Reporting;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Tests.Reporting;

public sealed class ConsoleSummaryTests
{
    [Test]
    public void HeaderNamesTargetAndHowToReplay()
    {
        var lines = Write(RunFixtures.Run(fixedClock: false));

        Assert.That(lines[0], Is.EqualTo(
            "callhooks 0.1.0  target http://127.0.0.1:5055/hooks?token=[redacted]  seed 42 (replay with --seed 42)"));
    }

    [Test]
    public void HeaderReplayIncludesAFixedClock()
    {
        var lines = Write(RunFixtures.Run() with { EmbeddedListener = true });

        Assert.That(lines[0], Does.Contain("(embedded listener)"));
        Assert.That(lines[0], Does.EndWith("(replay with --seed 42 --now 2026-11-22T10:00:00.000Z)"));
    }

    [Test]
    public void EachScenarioHasOneAlignedLine()
    {
        var lines = Write(RunFixtures.Run());

        Assert.That(lines.Where(line => line.StartsWith("PASS", StringComparison.Ordinal) || line.StartsWith("FAIL", StringComparison.Ordinal)),
            Is.EqualTo(new[]
            {
                "PASS myoperator-incall/incoming-answered  4 deliveries  p50 3 ms",
                "FAIL myoperator-incall/incoming-missed    2 deliveries  p50 3 ms",
                "FAIL exotel-passthru/slow-listener        1 delivery  p50 -",
            }));
    }

    [Test]
    public void FailuresAreIndentedUnderTheirScenario()
    {
        var lines = Write(RunFixtures.Run());
        var missed = lines.FindIndex(line => line.Contains("incoming-missed", StringComparison.Ordinal));

        Assert.That(lines.Skip(missed + 1).Take(2), Is.EqualTo(new[]
        {
            "    event 6: expected status 2xx within 5s, got 500 Internal Server Error after 12 ms",
            "      - status 500 is not 2xx",
        }));
        Assert.That(lines, Does.Contain(
            "    event answered: expected status 2xx within 5s, got timeout after 5000 ms (no response within 5s)"));
    }

    [Test]
    public void TotalsLineLeadsWithTheScenarioCount()
    {
        var lines = Write(RunFixtures.Run());

        Assert.That(lines[^1], Is.EqualTo("3 scenarios: 1 passed, 2 failed  (7 deliveries, 2 failed, 1.23 s)"));
        // The bare "N passed, N failed" line is the test runner's; this summary must never print one.
        Assert.That(lines, Has.None.Match(@"^\s*\d+ passed, \d+ failed\s*$"));
    }

    [Test]
    public void OneScenarioIsSingular()
    {
        var lines = Write(RunFixtures.Run([RunFixtures.Passing()]));

        Assert.That(lines[^1], Does.StartWith("1 scenario: 1 passed, 0 failed"));
    }

    [Test]
    public void AnEmptyRunStillSummarises()
    {
        var lines = Write(RunFixtures.Run([]));

        Assert.That(lines[^1], Does.StartWith("0 scenarios: 0 passed, 0 failed"));
    }

    [Test]
    public void ControlCharactersFromTheListenerAreShownNotObeyed()
    {
        var scenario = RunFixtures.Scenario("p", "s",
            [RunFixtures.Delivery(0, "1", RunFixtures.Ok(1), "body was \u001b[2J\nforged line\u0001")]);

        var lines = Write(RunFixtures.Run([scenario]));

        Assert.That(lines, Does.Contain("      - body was \\u001b[2J\\u000aforged line\\u0001"));
        Assert.That(lines, Has.None.StartWith("forged line"));
    }

    private static List<string> Write(RunResult result)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        ConsoleSummary.Write(result, writer);
        var text = writer.ToString();
        Assert.That(Regex.IsMatch(text, @"\x1b\["), Is.False, "no ANSI colour codes");
        return text.TrimEnd('\n').Split('\n').ToList();
    }
}
