using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CallHooks.Conformance.Listener;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Reporting.Browser;

/// <summary>
/// A load run's report.md and report.html tell the whole run, with the same deliveries, failures and percentiles as
/// results.json and the console; the calls kept for detail are shown as the sample they are. One run of two thousand
/// calls against a listener that takes a few milliseconds per webhook, read by every check here.
/// </summary>
[NonParallelizable]
public sealed partial class LoadReportTests
{
    private const int Calls = 2000;

    private CliRun run = null!;
    private JsonElement summary;
    private ReportBrowser browser = null!;

    [OneTimeSetUp]
    public async Task RunAndLaunch()
    {
        await using (
            var listener = await ReferenceListener.StartAsync(
                new ListenerOptions { Mode = ListenerMode.Slow, SlowDelay = TimeSpan.FromMilliseconds(3) }
            )
        )
        {
            run = await CliRun.InvokeAsync(
                "run",
                "--target",
                listener.BaseUrl.AbsoluteUri,
                "--calls",
                Calls.ToString(CultureInfo.InvariantCulture),
                "--rate",
                "100000",
                "--pace",
                "0",
                "--concurrency",
                "100",
                "--seed",
                "7",
                "--threshold",
                "p99<30s",
                "--threshold",
                "errors<1%"
            );
        }

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        summary = JsonDocument.Parse(run.File("results.json")).RootElement.GetProperty("summary").Clone();
        browser = await ReportBrowser.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task CloseBrowser() => await browser.DisposeAsync();

    [Test]
    public void The_markdown_report_counts_every_delivery_with_the_percentiles_of_results_json()
    {
        var markdown = run.File("report.md");
        Assert.That(markdown, Does.StartWith($"## ✅ callhooks load run: {Calls:#,0} calls, thresholds met\n"));
        var row = AllRow().Match(markdown);
        Assert.That(row.Success, Is.True, markdown);
        Assert.That(
            row.Groups["deliveries"].Value,
            Is.EqualTo(summary.GetProperty("deliveries").GetInt64().ToString("#,0", CultureInfo.InvariantCulture))
        );
        Assert.That(summary.GetProperty("deliveries").GetInt64(), Is.GreaterThan(Calls * 3), "every call's deliveries, not the kept ones'");
        Assert.That(
            row.Groups["failed"].Value,
            Is.EqualTo(summary.GetProperty("deliveriesFailed").GetInt64().ToString(CultureInfo.InvariantCulture))
        );
        foreach (var (column, field) in new[] { ("p50", "p50Ms"), ("p90", "p90Ms"), ("p99", "p99Ms"), ("max", "maxMs") })
            Assert.That(
                row.Groups[column].Value,
                Is.EqualTo(summary.GetProperty(field).GetDouble().ToString("0.00", CultureInfo.InvariantCulture)),
                column
            );
        Assert.That(markdown, Does.Contain($"### Kept calls: a sample for detail\n\n20 of the run's {Calls:#,0} calls are kept"));
    }

    [Test]
    public void The_page_s_data_holds_the_whole_run_summary_of_results_json()
    {
        var html = run.File("report.html");
        var data = DataElement().Match(html);
        Assert.That(data.Success, Is.True);
        using var page = JsonDocument.Parse(data.Groups[1].Value);
        var load = page.RootElement.GetProperty("load").GetProperty("summary");
        foreach (var field in new[] { "deliveries", "deliveriesFailed", "failed", "callsStarted" })
            Assert.That(load.GetProperty(field).GetInt64(), Is.EqualTo(summary.GetProperty(field).GetInt64()), field);
        foreach (var field in new[] { "p50Ms", "p90Ms", "p99Ms", "p999Ms", "maxMs" })
            Assert.That(load.GetProperty(field).GetDouble(), Is.EqualTo(summary.GetProperty(field).GetDouble()), field);
    }

    [Test]
    public async Task The_page_shows_the_whole_run_first_and_calls_the_kept_calls_a_sample()
    {
        await using var report = await browser.OpenFileAsync(Path.Combine(run.OutDirectory, "report.html"));
        var page = report.Page;
        Assert.That(
            await page.Locator("#headline .verdict").InnerTextAsync(),
            Is.EqualTo($"load run · {Calls:#,0} calls · thresholds met")
        );
        Assert.That(await page.Locator("#load-section").IsVisibleAsync(), Is.True);
        Assert.That(
            await page.Locator("#latency-section").IsVisibleAsync(),
            Is.False,
            "the kept calls' own latency would be a second set of figures"
        );
        var all = page.Locator("#load-latency tbody tr").First.Locator("td");
        Assert.That(await all.Nth(0).InnerTextAsync(), Is.EqualTo("all"));
        Assert.That(
            await all.Nth(1).InnerTextAsync(),
            Is.EqualTo(summary.GetProperty("deliveries").GetInt64().ToString("#,0", CultureInfo.InvariantCulture))
        );
        Assert.That(await page.Locator("#thresholds tbody tr").AllInnerTextsAsync(), Has.Count.EqualTo(2));
        Assert.That(await page.Locator("#matrix-title").InnerTextAsync(), Is.EqualTo("Compatibility matrix (sample)"));
        Assert.That(
            await page.Locator("#matrix-hint").InnerTextAsync(),
            Does.StartWith($"A sample of 20 calls of the run's {Calls:#,0}, kept for detail")
        );
        Assert.That(report.Errors, Is.Empty);
    }

    [GeneratedRegex(
        @"^\| all, from the scheduled send \| (?<deliveries>[\d,]+) \| (?<failed>\d+) \| (?<p50>[\d.]+) \| (?<p90>[\d.]+) \| (?<p99>[\d.]+) \| [\d.]+ \| (?<max>[\d.]+) \|$",
        RegexOptions.Multiline
    )]
    private static partial Regex AllRow();

    [GeneratedRegex(@"<script type=""application/json"" id=""report-data"">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex DataElement();
}
