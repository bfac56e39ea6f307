using CallHooks.Conformance.Reporting.Html;
using CallHooks.Conformance.Results;
using Microsoft.Playwright;

namespace CallHooks.Conformance.Tests.Reporting.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright. Never Playwright's own browser download (it cannot work on these
/// machines): the executable is <c>/usr/bin/chromium</c>, or <c>CALLHOOKS_CHROMIUM</c> where it lives elsewhere.
/// A missing browser fails the tests with the fix, instead of skipping them: a green run must mean the page was
/// really tried in a browser. <c>./run.sh test</c> installs the <c>chromium</c> package when it can.
/// </summary>
internal sealed class ReportBrowser : IAsyncDisposable
{
    private static readonly string[] Arguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    private readonly IPlaywright playwright;

    private ReportBrowser(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static string Executable =>
        Environment.GetEnvironmentVariable("CALLHOOKS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static async Task<ReportBrowser> LaunchAsync()
    {
        if (!File.Exists(Executable))
        {
            Assert.Fail(
                $"Chromium not found at {Executable}. The report's browser tests need it: install Debian's package "
                    + "(apt-get install -y chromium; ./run.sh test does this when run as root), or set CALLHOOKS_CHROMIUM to a Chromium executable."
            );
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(
                new BrowserTypeLaunchOptions
                {
                    ExecutablePath = Executable,
                    Args = Arguments,
                    Headless = true,
                    Timeout = 60_000,
                }
            );
            return new ReportBrowser(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Writes <paramref name="result"/>'s report.html to a temporary file and opens it from file://, as a user would.</summary>
    public async Task<ReportPage> OpenAsync(RunResult result, ViewportSize? viewport = null)
    {
        var path = Path.Combine(Path.GetTempPath(), "callhooks-report-" + Guid.NewGuid().ToString("N") + ".html");
        using (var file = File.Create(path))
            HtmlReportWriter.Write(result, file);
        return await OpenFileAsync(path, viewport);
    }

    public async Task<ReportPage> OpenFileAsync(string path, ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(
            new BrowserNewContextOptions { ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 } }
        );
        var page = await context.NewPageAsync();
        var report = new ReportPage(context, page, path);
        await report.LoadAsync();
        return report;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright.Dispose();
    }
}
