using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Tests.Reporting.Browser;

/// <summary>A run compared with its baseline: the page says first whether it is worse, and what changed.</summary>
[NonParallelizable]
public sealed class ComparisonBrowserTests
{
    private ReportBrowser browser = null!;

    [OneTimeSetUp]
    public async Task LaunchBrowser() => browser = await ReportBrowser.LaunchAsync();

    [OneTimeTearDown]
    public async Task CloseBrowser() => await browser.DisposeAsync();

    [Test]
    public async Task The_comparison_comes_first_with_its_verdict_and_every_changed_cell()
    {
        var comparison = new RunComparison(
            "reports/main/results.json",
            [new CellChange("myoperator-incall/obd-no-answer", CellTransition.Broken, "passed", "failed")],
            6,
            [],
            [new LatencyRegression("myoperator-incall event 1", 10, 40)],
            20,
            []
        );
        await using var report = await browser.OpenAsync(RunFixtures.Run([RunFixtures.Passing()]) with { Comparison = comparison });
        var page = report.Page;
        Assert.Multiple(async () =>
        {
            Assert.That(await page.Locator("#comparison-section").IsVisibleAsync(), Is.True);
            Assert.That(await page.Locator("main > section:visible").First.GetAttributeAsync("id"), Is.EqualTo("comparison-section"));
            Assert.That(
                await page.Locator("#comparison-verdict").InnerTextAsync(),
                Is.EqualTo("worse than reports/main/results.json: 2 regression(s)")
            );
            Assert.That(
                await page.Locator("#comparison-lines").InnerTextAsync(),
                Does.Contain("broken (passed before, fails now): 1\n  myoperator-incall/obd-no-answer").And.Contain("p90 10 ms -> 40 ms")
            );
        });
        Assert.That(report.Errors, Is.Empty);
    }
}
