using System.Text;
using CallHooks.Conformance.Reporting.Markdown;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Tests.Reporting;

public sealed class MarkdownReportWriterTests
{
    [Test]
    public void Leads_with_the_verdict_and_the_run_in_one_line()
    {
        var lines = Write(RunFixtures.Run());

        Assert.That(lines[0], Is.EqualTo("## ❌ callhooks: 2 of 3 scenarios failed (answers only)"));
        Assert.That(
            lines[2],
            Is.EqualTo(
                "Target http://127.0.0.1:5055/hooks?token=\\[redacted\\] · myoperator-incall, exotel-passthru · seed 42 · clock 2026-11-22T10:00:00.000Z · 7 deliveries, 2 failed · 1.23 s"
            )
        );
        Assert.That(Write(RunFixtures.Run([RunFixtures.Passing()]))[0], Is.EqualTo("## ✅ callhooks: all 1 scenario passed (answers only)"));
    }

    [Test]
    public void Says_at_the_top_what_was_checked_and_what_was_not_with_the_options_that_would()
    {
        var lines = Write(RunFixtures.Run());
        Assert.That(lines[4], Is.EqualTo("**Checked:** answers (status and timing)."));
        Assert.That(lines[5], Does.StartWith("**Not checked:** the listener's data: add --verify-url URL"));
    }

    [Test]
    public void The_matrix_is_a_table_with_a_row_per_scenario_and_a_column_per_configuration()
    {
        var lines = Write(RunFixtures.Run());

        var table = lines
            .SkipWhile(line => !line.StartsWith("| scenario", StringComparison.Ordinal))
            .TakeWhile(line => line.StartsWith('|'))
            .ToList();
        Assert.That(
            table,
            Is.EqualTo(
                new[]
                {
                    "| scenario | myoperator-incall · method POST · encoding form · auth header | exotel-passthru · method POST · encoding form · auth header |",
                    "| --- | --- | --- |",
                    "| incoming-answered | ✅ pass | — |",
                    "| incoming-missed | ❌ fail (1 of 2 deliveries) | — |",
                    "| slow-listener | — | ❌ fail (1 of 1 deliveries) |",
                }
            )
        );
    }

    [Test]
    public void Failures_name_the_call_and_each_failed_expectation()
    {
        var text = string.Join("\n", Write(RunFixtures.Run()));

        Assert.That(
            text,
            Does.Contain(
                "### Failures\n\n**myoperator-incall / incoming-missed** (uid uid-incoming-missed, customer +919876543210, seed 4242)\n\n"
                    + "- event 6: expected status 2xx within 5s, got 500 Internal Server Error after 12 ms\n  - status 500 is not 2xx\n"
            )
        );
        Assert.That(
            text,
            Does.Contain("- event answered: expected status 2xx within 5s, got timeout after 5000 ms (no response within 5s)")
        );
        Assert.That(
            text,
            Does.EndWith("Replay this run:\n\n```sh\ncallhooks run --target http://127.0.0.1:5055/hooks?token=[redacted] --seed 42\n```")
        );
    }

    [Test]
    public void Listener_text_is_inert_markdown_and_html()
    {
        var failure = "<img src=x onerror=alert(1)> | **bold** `code`\n# heading";
        var run = RunFixtures.Run([RunFixtures.Scenario("p", "s|x", [RunFixtures.Delivery(0, "1", RunFixtures.Ok(1), failure)])]);

        var text = string.Join("\n", Write(run));

        Assert.That(text, Does.Contain("  - &lt;img src=x onerror=alert(1)&gt; \\| \\*\\*bold\\*\\* \\`code\\` \\# heading\n"));
        Assert.That(text, Does.Contain("| s\\|x | ❌ fail (1 of 1 deliveries) |"));
        Assert.That(text, Does.Not.Contain("<img"));
    }

    [Test]
    public void A_command_line_with_backticks_gets_a_longer_fence()
    {
        Assert.That(MarkdownText.Fenced("a ``` b", "sh"), Is.EqualTo("````sh\na ``` b\n````"));
    }

    [Test]
    public void Large_runs_are_bounded()
    {
        var scenarios = Enumerable
            .Range(0, MarkdownReportWriter.MatrixRowLimit + 5)
            .Select(i => RunFixtures.FailingStatus() with { Name = $"s{i}" })
            .ToList();

        var lines = Write(RunFixtures.Run(scenarios));

        Assert.That(
            lines.Count(line => line.StartsWith("| s", StringComparison.Ordinal)),
            Is.EqualTo(MarkdownReportWriter.MatrixRowLimit + 1),
            "header row and rows"
        );
        Assert.That(lines, Does.Contain("… and 5 more scenarios in report.html."));
        Assert.That(
            lines.Count(line => line.StartsWith("- event", StringComparison.Ordinal)),
            Is.EqualTo(MarkdownReportWriter.FailureLimit)
        );
        Assert.That(lines, Does.Contain("… and 55 more failed deliveries in report.html."));
    }

    private static List<string> Write(RunResult result)
    {
        using var output = new MemoryStream();
        MarkdownReportWriter.Write(result, output);
        return Encoding.UTF8.GetString(output.ToArray()).TrimEnd('\n').Split('\n').ToList();
    }
}
