#:package Microsoft.Playwright
#:property PublishAot=false
// Takes the README's screenshots of a real report in Debian's Chromium (never Playwright's own browser download).
//   ./run.sh run --out /tmp/x --target <a listener that answers 500 for some events> --seed 42 --now 2026-01-15T09:30:00Z
//   dotnet run docs/screenshot.cs -- /tmp/x/report.html docs
// Writes report-overview.png (header, matrix, latency) and report-failure.png (the first failing call, drilled into).
using Microsoft.Playwright;

var report = new Uri(Path.GetFullPath(args[0])).AbsoluteUri;
var outDir = args[1];
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 1150 } });
await page.GotoAsync(report);
await page.WaitForFunctionAsync("() => document.body.dataset.ready === 'true'");
await page.ScreenshotAsync(new() { Path = Path.Combine(outDir, "report-overview.png") });

await page.Locator("#matrix td.cell.fail button").First.ClickAsync();
await page.Locator("#calls td.detail").First.WaitForAsync();
await page.EvaluateAsync("() => document.getElementById('calls-section').scrollIntoView()");
await page.ScreenshotAsync(new() { Path = Path.Combine(outDir, "report-failure.png") });
Console.WriteLine($"wrote {outDir}/report-overview.png and {outDir}/report-failure.png");
