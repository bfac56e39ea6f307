using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace CallHooks.Conformance.Tests.Reporting.Browser;

/// <summary>
/// One report opened in its own browser context. Records every request the context makes other than loading
/// the page itself (there must be none), and every script error on the page (there must be none either).
/// </summary>
internal sealed class ReportPage : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly string path;

    public ReportPage(IBrowserContext context, IPage page, string path)
    {
        this.context = context;
        this.path = path;
        Page = page;
        Url = new Uri(path).AbsoluteUri;
        context.Request += (_, request) =>
        {
            if (request.Url != Url)
                OutsideRequests.Enqueue(request.Url);
        };
        page.PageError += (_, error) => Errors.Enqueue(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                Errors.Enqueue(message.Text);
        };
    }

    public IPage Page { get; }

    public string Url { get; }

    public ConcurrentQueue<string> OutsideRequests { get; } = new();

    public ConcurrentQueue<string> Errors { get; } = new();

    public async Task LoadAsync()
    {
        // Nothing may leave the machine: any request that is not the page itself is recorded above and aborted here.
        await context.RouteAsync("**/*", route => route.Request.Url == Url ? route.ContinueAsync() : route.AbortAsync());
        await Page.GotoAsync(Url, new PageGotoOptions { Timeout = 60_000 });
        await Page.WaitForFunctionAsync(
            "() => document.body.dataset.ready === 'true'",
            null,
            new PageWaitForFunctionOptions { Timeout = 60_000 }
        );
    }

    public ILocator CallCards => Page.Locator("#calls details.call");

    public Task<string> CountTextAsync() => Page.Locator("#filter-count").InnerTextAsync();

    /// <summary>Waits until the filter count reads <paramref name="expected"/>: filters apply synchronously, this only tolerates event dispatch.</summary>
    public Task ExpectCountAsync(string expected) =>
        Page.WaitForFunctionAsync(
            "text => document.getElementById('filter-count').textContent === text",
            expected,
            new PageWaitForFunctionOptions { Timeout = 30_000 }
        );

    public async ValueTask DisposeAsync()
    {
        await context.CloseAsync();
        File.Delete(path);
    }
}
