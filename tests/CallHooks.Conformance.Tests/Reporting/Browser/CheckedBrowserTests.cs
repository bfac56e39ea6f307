using CallHooks.Conformance.Rules;

namespace CallHooks.Conformance.Tests.Reporting.Browser;

/// <summary>The report's "What was checked" strip: what a PASS rests on, at a glance, beside the verdict.</summary>
[NonParallelizable]
public sealed class CheckedBrowserTests
{
    private ReportBrowser browser = null!;

    [OneTimeSetUp]
    public async Task LaunchBrowser() => browser = await ReportBrowser.LaunchAsync();

    [OneTimeTearDown]
    public async Task CloseBrowser() => await browser.DisposeAsync();

    [Test]
    public async Task A_run_that_checked_answers_only_says_so_beside_the_verdict_and_marks_data_as_not_checked()
    {
        await using var report = await browser.OpenAsync(RunFixtures.Run([RunFixtures.Passing()]));
        var page = report.Page;

        Assert.That(await page.Locator("#headline .verdict").InnerTextAsync(), Is.EqualTo("all 1 passed · answers only"));
        Assert.That(await page.Locator("#checked .check.yes").AllInnerTextsAsync(), Is.EqualTo(new[] { "✓ Answers status and timing" }));
        Assert.That(
            await page.Locator("#checked .check.no").AllInnerTextsAsync(),
            Is.EqualTo(
                new[]
                {
                    "✗ Data not checked: add --verify-url URL or --downstream-port N",
                    "✗ Security not checked: --suite security",
                    "✗ Robustness not checked: --suite robustness",
                }
            )
        );
        Assert.That(report.Errors, Is.Empty);
    }

    [Test]
    public async Task A_run_that_read_records_and_rules_that_judged_answers_alone_say_which()
    {
        Rule Find(string id) => RuleCatalog.Find(id)!;
        var scenario = RunFixtures.Passing() with
        {
            Rules =
            [
                new RuleResult
                {
                    Rule = Find("SIDE-001"),
                    Provider = RunFixtures.Provider,
                    Scenario = "incoming-answered",
                    Data = DataJudgement.Record,
                },
                new RuleResult
                {
                    Rule = Find("DUP-001"),
                    Provider = RunFixtures.Provider,
                    Scenario = "incoming-answered",
                    Unchecked = "the listener's records: no --verify-url given, so it judged the answers alone",
                },
            ],
        };
        await using var report = await browser.OpenAsync(RunFixtures.Run([scenario]));
        var page = report.Page;

        Assert.That(await page.Locator("#headline .verdict").InnerTextAsync(), Is.EqualTo("all 1 passed · answers and data"));
        Assert.That(
            await page.Locator("#checked .check.yes").AllInnerTextsAsync(),
            Is.EqualTo(
                new[]
                {
                    "✓ Answers status and timing",
                    "✓ Data records read field by field",
                    "✓ Robustness retries, duplicates, order, odd payloads",
                }
            )
        );
        await page.Locator("#rules-problems").UncheckAsync();
        var dup = page.Locator("#rules tbody tr", new() { HasText = "DUP-001" });
        Assert.That(
            await dup.InnerTextAsync(),
            Does.Contain("answer + data")
                .And.Contain("not checked: the listener's records: no --verify-url given, so it judged the answers alone")
        );
        Assert.That(await page.Locator("#rules tbody tr", new() { HasText = "SIDE-001" }).InnerTextAsync(), Does.Contain("\tdata\t"));
        Assert.That(report.Errors, Is.Empty);
    }
}
