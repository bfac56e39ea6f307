using System.Diagnostics;
using System.Globalization;
using CallHooks.Conformance.Reporting.Html;

namespace CallHooks.Conformance.Tests.Reporting.Browser;

/// <summary>
/// A 100,000-delivery report must stay usable. The issue asks for a measured time in the test, so the bound is
/// stated here and generous (it guards against a page that renders every row, which takes minutes or hangs, not
/// against a slow machine): opening within 15 s and each filter within 5 s. Measured on this project's 2-core machine
/// with other builds running: 19 MiB page, opened in 3.4 s, failed-only filter 0.4 s, phone search 0.4 s, drill-down 0.1 s.
/// The measured times are printed; bench/ is where timings are tracked.
/// </summary>
[NonParallelizable]
public sealed class LargeReportBrowserTests
{
    private static readonly TimeSpan OpenBound = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan FilterBound = TimeSpan.FromSeconds(5);

    [Test]
    public async Task A_report_of_100000_deliveries_opens_and_filters_within_the_stated_bound()
    {
        var run = LargeRun.Build(calls: 25_000, deliveriesPerCall: 4);
        var path = Path.Combine(Path.GetTempPath(), "callhooks-large-" + Guid.NewGuid().ToString("N") + ".html");
        var write = Stopwatch.StartNew();
        using (var file = File.Create(path))
            HtmlReportWriter.Write(run, file);
        write.Stop();
        await using var browser = await ReportBrowser.LaunchAsync();

        var open = Stopwatch.StartNew();
        await using var report = await browser.OpenFileAsync(path);
        open.Stop();
        Assert.That(await report.CountTextAsync(), Is.EqualTo("25,000 of 25,000 calls"));

        var failedOnly = await TimeAsync(async () =>
        {
            await report.Page.Locator("#filter-failed").CheckAsync();
            await report.ExpectCountAsync(run.Failed.ToString("#,0", CultureInfo.InvariantCulture) + " of 25,000 calls");
        });
        var search = await TimeAsync(async () =>
        {
            await report.Page.Locator("#filter-failed").UncheckAsync();
            await report.Page.Locator("#filter-search").FillAsync("+91 98 0001 2345");
            await report.ExpectCountAsync("1 of 25,000 calls");
        });
        var drill = await TimeAsync(() => report.Page.Locator("#matrix td.cell.fail button").First.ClickAsync());

        TestContext.Out.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"100,000 deliveries: report.html {new FileInfo(path).Length / 1024 / 1024} MiB written in {write.ElapsedMilliseconds} ms; "
                    + $"opened in {open.ElapsedMilliseconds} ms; failed-only filter {failedOnly.TotalMilliseconds:0} ms; "
                    + $"phone search {search.TotalMilliseconds:0} ms; matrix drill-down {drill.TotalMilliseconds:0} ms"
            )
        );
        Assert.That(await report.Page.Locator("td.detail .failures").First.InnerTextAsync(), Does.Contain("status 500 is not 2xx"));
        Assert.That(open.Elapsed, Is.LessThan(OpenBound), "opening the page");
        Assert.That(new[] { failedOnly, search, drill }, Has.All.LessThan(FilterBound), "filtering and drilling down");
        Assert.That(report.Errors, Is.Empty);
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed;
    }
}
