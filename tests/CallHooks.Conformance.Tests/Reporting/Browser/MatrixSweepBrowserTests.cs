using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Tests.Reporting.Browser;

/// <summary>A --matrix run's page: a column per configuration, the verdict per provider, and each configuration's replay.</summary>
[NonParallelizable]
public sealed class MatrixSweepBrowserTests
{
    private ReportBrowser browser = null!;

    [OneTimeSetUp]
    public async Task LaunchBrowser() => browser = await ReportBrowser.LaunchAsync();

    [OneTimeTearDown]
    public async Task CloseBrowser() => await browser.DisposeAsync();

    private static RunResult Sweep()
    {
        KeyValuePair<string, string>[] Post = [new("method", "POST")];
        KeyValuePair<string, string>[] Get = [new("method", "GET")];
        ScenarioResult Played(string name, KeyValuePair<string, string>[] configuration, bool passes) =>
            (passes ? RunFixtures.Passing() : RunFixtures.FailingStatus()) with
            {
                Name = name,
                Configuration = configuration,
            };
        return RunFixtures.Run([
            Played("incoming-answered", Post, true),
            Played("obd-no-answer", Post, true),
            Played("incoming-answered", Get, false),
            Played("obd-no-answer", Get, false),
        ]) with
        {
            Configurations =
            [
                new ConfigurationResult(RunFixtures.Provider, "method=POST", Post, 11, "callhooks run --method POST --seed 11"),
                new ConfigurationResult(RunFixtures.Provider, "method=GET", Get, 12, "callhooks run --method GET --seed 12"),
            ],
        };
    }

    [Test]
    public async Task The_GET_column_is_red_the_verdict_names_it_and_its_replay_line_is_one_click_away()
    {
        await using var report = await browser.OpenAsync(Sweep());
        var page = report.Page;
        Assert.Multiple(async () =>
        {
            Assert.That(await page.Locator("#matrix thead").InnerTextAsync(), Does.Contain("POST").And.Contain("GET"));
            Assert.That(await page.Locator("#matrix td.cell.fail").CountAsync(), Is.EqualTo(2));
            Assert.That(await page.Locator("#matrix td.cell.pass").CountAsync(), Is.EqualTo(2));
            Assert.That(
                await page.Locator("#matrix-verdicts").InnerTextAsync(),
                Is.EqualTo(RunFixtures.Provider + ": compatible with method=POST; fails method=GET (2 scenarios)")
            );
        });
        await page.Locator("#matrix-replays summary").ClickAsync();
        Assert.That(await page.Locator("#matrix-replay-list").InnerTextAsync(), Does.Contain("callhooks run --method GET --seed 12"));
        Assert.That(report.Errors, Is.Empty);
    }
}
