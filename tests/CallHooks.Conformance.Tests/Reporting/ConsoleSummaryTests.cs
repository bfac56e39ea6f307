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

        Assert.That(
            lines[0],
            Is.EqualTo("callhooks 0.1.0  target http://127.0.0.1:5055/hooks?token=[redacted]  seed 42 (replay with --seed 42)")
        );
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

        Assert.That(
            lines.Where(line => line.StartsWith("PASS", StringComparison.Ordinal) || line.StartsWith("FAIL", StringComparison.Ordinal)),
            Is.EqualTo(
                new[]
                {
                    "PASS myoperator-incall/incoming-answered  4 deliveries  p50 3 ms  (answers only)",
                    "FAIL myoperator-incall/incoming-missed    2 deliveries  p50 3 ms  (answers only)",
                    "FAIL exotel-passthru/slow-listener        1 delivery  p50 -  (answers only)",
                }
            )
        );
    }

    [Test]
    public void FailuresAreIndentedUnderTheirScenario()
    {
        var lines = Write(RunFixtures.Run());
        var missed = lines.FindIndex(line => line.Contains("incoming-missed", StringComparison.Ordinal));

        Assert.That(
            lines.Skip(missed + 1).Take(2),
            Is.EqualTo(
                new[]
                {
                    "    event 6: expected status 2xx within 5s, got 500 Internal Server Error after 12 ms",
                    "      - status 500 is not 2xx",
                }
            )
        );
        Assert.That(
            lines,
            Does.Contain("    event answered: expected status 2xx within 5s, got timeout after 5000 ms (no response within 5s)")
        );
    }

    [Test]
    public void TotalsLineLeadsWithTheScenarioCount()
    {
        var lines = Write(RunFixtures.Run());

        Assert.That(lines[^1], Is.EqualTo("3 scenarios: 1 passed, 2 failed, answers only  (7 deliveries, 2 failed, 1.23 s)"));
        // The bare "N passed, N failed" line is the test runner's; this summary must never print one.
        Assert.That(lines, Has.None.Match(@"^\s*\d+ passed, \d+ failed\s*$"));
    }

    [Test]
    public void A_run_that_checked_no_data_says_so_and_names_the_options_that_would()
    {
        var lines = Write(RunFixtures.Run());

        Assert.That(lines[^3], Is.EqualTo("checked: answers (status and timing)"));
        Assert.That(
            lines[^2],
            Is.EqualTo(
                "not checked: the listener's data: add --verify-url URL (the listener's record of a call, {uid} standing for the call's id) "
                    + "or --downstream-port N (a mock CRM the listener pushes to); security: add --suite security; robustness: add --suite robustness"
            )
        );
    }

    [Test]
    public void A_run_that_read_records_field_by_field_says_answers_and_data()
    {
        var rule = new CallHooks.Conformance.Rules.RuleResult
        {
            Rule = CallHooks.Conformance.Rules.RuleCatalog.Find("SIDE-001")!,
            Provider = "myoperator-incall",
            Scenario = "incoming-answered",
            Data = CallHooks.Conformance.Rules.DataJudgement.Record,
        };
        var lines = Write(RunFixtures.Run([RunFixtures.Passing() with { Rules = [rule] }]));

        Assert.That(lines, Has.Some.EndsWith("(answers and data)"));
        Assert.That(lines[^1], Does.StartWith("1 scenario: 1 passed, 0 failed, answers and data  ("));
        Assert.That(lines[^3], Is.EqualTo("checked: answers (status and timing); the listener's records"));
    }

    [Test]
    public void A_record_searched_as_text_is_called_a_weak_check()
    {
        var rule = new CallHooks.Conformance.Rules.RuleResult
        {
            Rule = CallHooks.Conformance.Rules.RuleCatalog.Find("SIDE-001")!,
            Provider = "myoperator-incall",
            Scenario = "incoming-answered",
            Data = CallHooks.Conformance.Rules.DataJudgement.RecordText,
        };
        var lines = Write(RunFixtures.Run([RunFixtures.Passing() with { Rules = [rule] }]));

        Assert.That(lines[^1], Does.StartWith("1 scenario: 1 passed, 0 failed, answers and data (weak record check)  ("));
        Assert.That(
            lines,
            Has.Some.Contains("their contents searched as text for the caller's number (weak: name the fields with --verify-field)")
        );
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
        var scenario = RunFixtures.Scenario(
            "p",
            "s",
            [RunFixtures.Delivery(0, "1", RunFixtures.Ok(1), "body was \u001b[2J\nforged line\u0001")]
        );

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
