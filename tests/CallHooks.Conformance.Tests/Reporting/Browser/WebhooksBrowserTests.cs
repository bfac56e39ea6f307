using CallHooks.Conformance.Panels;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Tests.Reporting.Browser;

/// <summary>The report of a panel file's run: results grouped by webhook, and each delivery naming the webhook it went to.</summary>
[NonParallelizable]
public sealed class WebhooksBrowserTests
{
    private ReportBrowser browser = null!;

    [OneTimeSetUp]
    public async Task LaunchBrowser() => browser = await ReportBrowser.LaunchAsync();

    [OneTimeTearDown]
    public async Task CloseBrowser() => await browser.DisposeAsync();

    internal static RunResult PanelRun()
    {
        PanelWebhook Webhook(string name, string path, string[] events, bool enabled = true) =>
            new()
            {
                Name = name,
                Provider = "myoperator-aftercall",
                Events = events.ToHashSet(),
                Enabled = enabled,
                Config = new Conformance.Providers.WebhookConfig { Target = new Uri("http://127.0.0.1:5055" + path) },
            };
        var scenario = RunFixtures.Scenario(
            "myoperator-aftercall",
            "incoming-answered-in-call-then-after-call",
            [
                RunFixtures.Delivery(0, "1", RunFixtures.Ok(12)) with
                {
                    Webhook = "in-call",
                },
                RunFixtures.Delivery(1, "2", RunFixtures.Ok(14)) with
                {
                    Webhook = "in-call",
                },
                RunFixtures.Delivery(2, "after-call", RunFixtures.Ok(30), "expected status 2xx, got 500 Internal Server Error") with
                {
                    Webhook = "after-call",
                },
            ]
        );
        return RunFixtures.Run([scenario]) with
        {
            Webhooks =
            [
                Webhook("in-call", "/in_call", ["1", "2"]),
                Webhook("after-call", "/after_call", ["after-call"]),
                Webhook("spare", "/spare", ["after-call"], enabled: false),
            ],
        };
    }

    [Test]
    public async Task Each_webhook_has_a_row_with_what_it_received_and_its_verdict_and_deliveries_name_their_webhook()
    {
        await using var report = await browser.OpenAsync(PanelRun());
        var page = report.Page;
        Assert.That(await page.Locator("#webhooks-section").IsVisibleAsync(), Is.True);
        var rows = page.Locator("#webhooks tbody tr");
        Assert.That(await rows.CountAsync(), Is.EqualTo(3));
        Assert.Multiple(async () =>
        {
            Assert.That(
                await rows.Nth(0).InnerTextAsync(),
                Does.Contain("in-call").And.Contain("http://127.0.0.1:5055/in_call").And.Contain("passed")
            );
            Assert.That(await rows.Nth(1).InnerTextAsync(), Does.Contain("after-call").And.Contain("failed"));
            Assert.That(await rows.Nth(2).InnerTextAsync(), Does.Contain("spare").And.Contain("disabled"));
            Assert.That(await rows.Nth(1).GetAttributeAsync("class"), Is.EqualTo("webhook failed"));
        });
        await page.Locator("#calls details summary, #calls .call summary").First.ClickAsync();
        Assert.That(await page.Locator("#calls tr.delivery").Nth(2).InnerTextAsync(), Does.Contain("after-call → after-call"));
        Assert.That(report.Errors, Is.Empty);
    }

    [Test]
    public async Task A_run_without_a_panel_file_has_no_webhooks_section()
    {
        await using var report = await browser.OpenAsync(RunFixtures.Run([RunFixtures.Passing()]));
        Assert.That(await report.Page.Locator("#webhooks-section").IsVisibleAsync(), Is.False);
    }
}
