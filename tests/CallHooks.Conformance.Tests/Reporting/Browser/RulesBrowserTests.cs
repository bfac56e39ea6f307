using CallHooks.Conformance.Rules;

namespace CallHooks.Conformance.Tests.Reporting.Browser;

/// <summary>The report's rules section: broken rules first, every verdict on demand, listener text shown as text.</summary>
[NonParallelizable]
public sealed class RulesBrowserTests
{
    private const string Hostile = "<img src=x onerror=\"window.__pwned=1\">";

    private ReportBrowser browser = null!;

    [OneTimeSetUp]
    public async Task LaunchBrowser() => browser = await ReportBrowser.LaunchAsync();

    [OneTimeTearDown]
    public async Task CloseBrowser() => await browser.DisposeAsync();

    [Test]
    public async Task Broken_rules_are_listed_with_their_reasons_and_every_verdict_is_one_click_away()
    {
        var auth = RuleCatalog.Find("AUTH-001")!;
        var scenario = RunFixtures.Passing() with
        {
            Rules =
            [
                new RuleResult
                {
                    Rule = auth,
                    Provider = RunFixtures.Provider,
                    Scenario = "incoming-answered",
                    Failures = ["event 1 (without credentials): expected status 401 or 403, got 200 OK"],
                    Evidence = ["body " + Hostile],
                },
                new RuleResult
                {
                    Rule = RuleCatalog.Find("DUP-001")!,
                    Provider = RunFixtures.Provider,
                    Scenario = "incoming-answered",
                },
                new RuleResult
                {
                    Rule = RuleCatalog.Find("SIG-001")!,
                    Provider = RunFixtures.Provider,
                    Scenario = "incoming-answered",
                    NotApplicable = "requests are not signed",
                },
            ],
        };
        await using var report = await browser.OpenAsync(RunFixtures.Run([scenario]));
        var page = report.Page;

        Assert.That(await page.Locator("#rules-section").IsVisibleAsync(), Is.True);
        Assert.That(
            await page.Locator("#rules-summary").InnerTextAsync(),
            Is.EqualTo("2 rule checks: 1 passed, 1 broken MUST, 0 SHOULD warnings, 1 not applicable")
        );
        var rows = page.Locator("#rules tbody tr");
        Assert.That(await rows.CountAsync(), Is.EqualTo(1), "problems only by default");
        Assert.That(
            await rows.First.InnerTextAsync(),
            Does.Contain("AUTH-001").And.Contain("failed").And.Contain("got 200 OK").And.Contain(Hostile)
        );

        await page.Locator("#rules-problems").UncheckAsync();
        Assert.That(await rows.CountAsync(), Is.EqualTo(3));
        Assert.That(await page.Locator("#rules").InnerTextAsync(), Does.Contain("not applicable: requests are not signed"));
        Assert.That(await page.EvaluateAsync<string>("() => typeof window.__pwned"), Is.EqualTo("undefined"));
        Assert.That(await page.EvaluateAsync<int>("() => document.querySelectorAll('img').length"), Is.Zero);
        Assert.That(report.Errors, Is.Empty);
    }
}
