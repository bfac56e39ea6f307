using Microsoft.Playwright;

namespace CallHooks.Conformance.Tests.Reporting.Browser;

/// <summary>report.html opened from file:// in Debian's Chromium, used as a person would: read, filter, click.</summary>
[NonParallelizable]
public sealed class HtmlReportBrowserTests
{
    private ReportBrowser browser = null!;

    [OneTimeSetUp]
    public async Task LaunchBrowser() => browser = await ReportBrowser.LaunchAsync();

    [OneTimeTearDown]
    public async Task CloseBrowser()
    {
        if (browser is not null)
            await browser.DisposeAsync();
    }

    [Test]
    public async Task Report_shows_header_matrix_timelines_and_latency_chart()
    {
        var run = BrowserFixtures.Run();
        await using var report = await browser.OpenAsync(run);
        var page = report.Page;

        Assert.That(await page.Locator("#headline").InnerTextAsync(), Does.Contain("2 of 3 failed"));
        Assert.That(await page.Locator("#command-line").InnerTextAsync(), Is.EqualTo(run.CommandLine));
        Assert.That(
            await page.Locator("#facts").InnerTextAsync(),
            Does.Contain("http://127.0.0.1:5055/hooks?token=[redacted]")
                .And.Contain("42 · fixed clock 2026-11-22T10:00:00.000Z")
                .And.Contain("myoperator-incall, exotel-passthru")
                .And.Contain("7 sent, 2 failed")
        );

        // Two providers ran, so the provider is a dimension; the run's options supply the rest.
        Assert.That(
            await page.Locator("#matrix thead th.dimension").AllInnerTextsAsync(),
            Is.EqualTo(new[] { "provider", "method", "encoding", "auth" })
        );
        Assert.That(
            await page.Locator("#matrix tbody th").AllInnerTextsAsync(),
            Is.EqualTo(new[] { "incoming-answered", "incoming-missed", "slow-listener" })
        );
        Assert.That(await page.Locator("#matrix td.cell.pass").CountAsync(), Is.EqualTo(1));
        Assert.That(
            await page.Locator("#matrix td.cell.fail").AllInnerTextsAsync(),
            Is.EqualTo(new[] { "fail1 of 2 failed", "fail1 of 1 failed" })
        );
        Assert.That(await page.Locator("#matrix td.empty").CountAsync(), Is.EqualTo(3));

        Assert.That(await page.Locator("#latency-chart svg rect.bar").CountAsync(), Is.EqualTo(13));
        Assert.That(await page.Locator("#latency-table tbody tr").CountAsync(), Is.EqualTo(5));
        Assert.That(
            await page.Locator("#latency-table thead").InnerTextAsync(),
            Does.Contain("p50").And.Contain("p90").And.Contain("p99").And.Contain("max")
        );

        await report.CallCards.First.Locator("summary").ClickAsync();
        var timeline = report.CallCards.First.Locator("table.timeline tr.delivery");
        // The page draws a card's timeline when it opens; wait for the rows rather than counting at once.
        await Assertions.Expect(timeline).ToHaveCountAsync(4);
        Assert.That(await report.CallCards.First.Locator(".track .fill").CountAsync(), Is.EqualTo(4));
        Assert.That(
            await timeline.Nth(3).InnerTextAsync(),
            Does.Contain("6").And.Contain("10:00:01.000").And.Contain("5 ms").And.Contain("200 OK").And.Contain("PASS")
        );
        Assert.That(report.Errors, Is.Empty);
    }

    [Test]
    public async Task Failed_only_provider_and_scenario_filters_narrow_the_calls()
    {
        await using var report = await browser.OpenAsync(BrowserFixtures.Run());
        var page = report.Page;
        Assert.That(await report.CountTextAsync(), Is.EqualTo("3 of 3 calls"));

        await page.Locator("#filter-failed").CheckAsync();
        await report.ExpectCountAsync("2 of 3 calls");
        Assert.That(await page.Locator("#matrix tbody th").AllInnerTextsAsync(), Is.EqualTo(new[] { "incoming-missed", "slow-listener" }));

        await page.Locator("#filter-provider").SelectOptionAsync("exotel-passthru");
        await report.ExpectCountAsync("1 of 3 calls");
        Assert.That(await report.CallCards.InnerTextAsync(), Does.Contain("exotel-passthru / slow-listener"));

        await page.Locator("#filter-failed").UncheckAsync();
        await page.Locator("#filter-provider").SelectOptionAsync("");
        await page.Locator("#filter-scenario").SelectOptionAsync("incoming-answered");
        await report.ExpectCountAsync("1 of 3 calls");
        Assert.That(await report.CallCards.InnerTextAsync(), Does.Contain("incoming-answered"));
        Assert.That(await page.Locator("#matrix tbody tr").CountAsync(), Is.EqualTo(1));
        Assert.That(report.Errors, Is.Empty);
    }

    [TestCase("s1.1763805600.1002", "1 of 3 calls", "incoming-missed")]
    [TestCase("ca-SLOW", "1 of 3 calls", "slow-listener")]
    [TestCase("+919812345601", "1 of 3 calls", "incoming-answered")]
    [TestCase("98123 45602", "1 of 3 calls", "incoming-missed")]
    [TestCase("8800112233", "1 of 3 calls", "slow-listener")]
    [TestCase("9812345", "2 of 3 calls", "incoming-answered")]
    [TestCase("no-such-call", "0 of 3 calls", "No call matches the filters.")]
    public async Task Search_finds_calls_by_uid_or_phone_number(string search, string count, string shown)
    {
        await using var report = await browser.OpenAsync(BrowserFixtures.Run());

        await report.Page.Locator("#filter-search").FillAsync(search);

        await report.ExpectCountAsync(count);
        Assert.That(await report.Page.Locator("#calls").InnerTextAsync(), Does.Contain(shown));
    }

    [Test]
    public async Task A_failing_matrix_cell_drills_down_to_the_exact_request_and_the_failed_expectation()
    {
        await using var report = await browser.OpenAsync(BrowserFixtures.Run());
        var page = report.Page;

        await page.Locator("#matrix td.cell.fail button").First.ClickAsync();

        var card = page.Locator("#call-1");
        Assert.That(await card.GetAttributeAsync("open"), Is.Not.Null);
        var detail = card.Locator("td.detail");
        Assert.That(
            await detail.Locator(".failures").InnerTextAsync(),
            Does.Contain("Failed: expected status 2xx within 5s").And.Contain("status 500 is not 2xx")
        );
        Assert.That(
            await detail.Locator(".request .line").InnerTextAsync(),
            Is.EqualTo("POST http://127.0.0.1:5055/hooks?token=[redacted]")
        );
        Assert.That(await detail.Locator(".request table.headers").InnerTextAsync(), Does.Contain("X-Api-Key:\t[redacted]"));
        var body = detail.Locator(".request pre.body-text");
        Assert.That(await body.InnerTextAsync(), Is.EqualTo("call_state = 6\nuid = abc"));
        await detail.Locator(".request button.toggle").ClickAsync();
        Assert.That(await body.InnerTextAsync(), Is.EqualTo("call_state=6&uid=abc"));
        Assert.That(await detail.Locator(".response .line").InnerTextAsync(), Does.StartWith("500 Internal Server Error"));
        Assert.That(
            await detail.Locator(".response table.headers").InnerTextAsync(),
            Does.Contain("Set-Cookie:\ta=1").And.Contain("Set-Cookie:\tb=2")
        );
        Assert.That(await page.Locator("#filter-scenario").InputValueAsync(), Is.EqualTo("incoming-missed"));
        Assert.That(report.Errors, Is.Empty);
    }

    [Test]
    public async Task A_delivery_queued_behind_another_says_which_in_its_detail()
    {
        const string Queued =
            "queued behind myoperator-incall/incoming-answered event 1, sent 2 ms earlier and still in flight: 8070 ms of this delivery's 8095 ms passed before that one got 500 Internal Server Error; the listener handled one request at a time, so look at that event's handler, not this one's";
        var failing = RunFixtures.FailingStatus();
        var scenario = failing with
        {
            Deliveries = [.. failing.Deliveries.Select(delivery => delivery.Passed ? delivery : delivery with { QueuedBehind = Queued })],
        };
        await using var report = await browser.OpenAsync(RunFixtures.Run([scenario]));

        await report.Page.Locator("#matrix td.cell.fail button").First.ClickAsync();
        Assert.That(await report.Page.Locator("td.detail .queued").InnerTextAsync(), Is.EqualTo("Note: " + Queued));
        Assert.That(report.Errors, Is.Empty);
    }

    [Test]
    public async Task Markup_and_script_from_the_listener_are_shown_as_text_and_never_run()
    {
        await using var report = await browser.OpenAsync(BrowserFixtures.Hostile());
        var page = report.Page;

        await page.Locator("#matrix td.cell.fail button").ClickAsync();
        foreach (var summary in await report.CallCards.Locator("summary").AllAsync())
            await summary.ScrollIntoViewIfNeededAsync();

        Assert.That(await page.EvaluateAsync<string>("() => typeof window.__pwned"), Is.EqualTo("undefined"));
        Assert.That(await page.EvaluateAsync<int>("() => document.querySelectorAll('img, b, iframe, object').length"), Is.Zero);
        Assert.That(
            await page.EvaluateAsync<int>("() => document.scripts.length"),
            Is.EqualTo(2),
            "only the data element and the report's own script"
        );
        var detail = page.Locator("#call-1 td.detail");
        Assert.That(await detail.Locator(".response pre.body-text").InnerTextAsync(), Is.EqualTo(BrowserFixtures.Payload));
        Assert.That(await detail.Locator(".failures").InnerTextAsync(), Does.Contain("body was " + BrowserFixtures.Payload));
        Assert.That(await detail.Locator(".response .line").InnerTextAsync(), Does.Contain("<b onmouseover=\"window.__pwned=1\">Oops</b>"));
        Assert.That(
            await page.Locator("#call-1").InnerTextAsync(),
            Does.Contain("described as " + BrowserFixtures.Payload).And.Contain("uid uid-<script>")
        );
        Assert.That(report.Errors, Is.Empty);
    }

    [Test]
    public async Task The_page_makes_no_network_request_at_all()
    {
        await using var report = await browser.OpenAsync(BrowserFixtures.Hostile());
        var page = report.Page;
        await page.Locator("#matrix td.cell.fail button").ClickAsync();
        await page.Locator("#filter-search").FillAsync("+919876543210");
        await report.Page.Locator("#filter-failed").CheckAsync();
        foreach (var row in await page.Locator("tr.delivery").AllAsync())
            await row.ClickAsync();

        Assert.That(report.OutsideRequests, Is.Empty);

        // The counter itself works: a page that does load something is seen (and aborted before it leaves).
        await page.SetContentAsync("<img src=\"http://127.0.0.1:9/probe.png\">");
        Assert.That(report.OutsideRequests, Does.Contain("http://127.0.0.1:9/probe.png"));
    }
}
