using System.Text.Json;
using CallHooks.Conformance.Scenarios;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Cli;

/// <summary>`callhooks run --provider voipappz|myoperator-aftercall` end to end against the embedded reference listener.</summary>
public sealed class VoipappzAndAfterCallRunTests
{
    private static readonly string[] Fixed = ["--seed", "42", "--now", "2026-01-15T09:30:00Z"];

    [TestCase("voipappz", "POST")]
    [TestCase("voipappz", "GET")]
    [TestCase("myoperator-aftercall", "POST")]
    public async Task The_whole_suite_passes_against_the_embedded_listener_with_auth(string provider, string method)
    {
        var run = await CliRun.InvokeAsync([
            "run",
            "--provider",
            provider,
            "--method",
            method,
            "--header",
            "x-webhook-token: abc123def",
            "--basic",
            "admin:123456",
            .. Fixed,
        ]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        using var results = JsonDocument.Parse(run.File("results.json"));
        var scenarios = results.RootElement.GetProperty("scenarios").EnumerateArray().ToList();
        var shipped = ScenarioLibrary.LoadDirectory(Path.Combine(RepoPaths.Scenarios, provider)).Scenarios.Count;
        Assert.Multiple(() =>
        {
            Assert.That(scenarios, Has.Count.EqualTo(shipped));
            Assert.That(
                scenarios.Select(s => s.GetProperty("name").GetString()),
                Is.SupersetOf(new[] { "incoming-answered", "obd-no-answer", "click-to-call-rejected" })
            );
            Assert.That(
                scenarios
                    .SelectMany(s => s.GetProperty("deliveries").EnumerateArray())
                    .Select(d => d.GetProperty("request").GetProperty("url").GetString()),
                Is.All.Contains("/" + provider),
                "each provider is served under its own path, so its own reader checked every delivery"
            );
            Assert.That(
                scenarios
                    .SelectMany(s => s.GetProperty("deliveries").EnumerateArray())
                    .Select(d => d.GetProperty("response").GetProperty("body").GetString()),
                Is.All.StartsWith("{\"ok\":true")
            );
        });
    }

    [Test]
    public async Task Unsubscribed_voipappz_events_are_recorded_as_skipped_not_sent_and_the_run_passes()
    {
        var run = await CliRun.InvokeAsync([
            "run",
            "--provider",
            "voipappz",
            "--scenario",
            "incoming-answered",
            "--option",
            "subscribed=Call:Hangup,Call:Reporting",
            .. Fixed,
        ]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        using var results = JsonDocument.Parse(run.File("results.json"));
        var scenario = results.RootElement.GetProperty("scenarios")[0];
        Assert.Multiple(() =>
        {
            Assert.That(
                scenario.GetProperty("deliveries").EnumerateArray().Select(d => d.GetProperty("event").GetString()),
                Is.EqualTo(new[] { "Call:Hangup", "Call:Reporting" })
            );
            Assert.That(
                scenario.GetProperty("skipped").EnumerateArray().Select(s => s.GetProperty("event").GetString()),
                Is.EqualTo(new[] { "Call:Ringing", "Call:Answer" })
            );
            Assert.That(
                scenario.GetProperty("skipped")[0].GetProperty("reason").GetString(),
                Is.EqualTo("the Call:Ringing webhook is not subscribed to the environment (--option subscribed=Call:Hangup,Call:Reporting)")
            );
            Assert.That(results.RootElement.GetProperty("summary").GetProperty("deliveries").GetInt32(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Rule_probes_replay_only_the_events_the_subscription_sends()
    {
        var run = await CliRun.InvokeAsync([
            "run",
            "--provider",
            "voipappz",
            "--scenario",
            "incoming-answered",
            "--suite",
            "all",
            "--header",
            "x-webhook-token: abc123def",
            "--option",
            "subscribed=Call:Hangup,Call:Reporting",
            .. Fixed,
        ]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        using var results = JsonDocument.Parse(run.File("results.json"));
        var rules = results.RootElement.GetProperty("scenarios")[0].GetProperty("rules").EnumerateArray().ToList();
        var probed = rules
            .SelectMany(rule => rule.GetProperty("deliveries").EnumerateArray())
            .Select(delivery => delivery.GetProperty("event").GetString())
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(probed, Is.Not.Empty);
            Assert.That(
                probed.Distinct(),
                Is.SubsetOf(new[] { "Call:Hangup", "Call:Reporting" }),
                "a provider never sends an unsubscribed webhook, so no probe may"
            );
            Assert.That(
                rules.Single(rule => rule.GetProperty("id").GetString() == "AUTH-001").GetProperty("status").GetString(),
                Is.EqualTo("passed")
            );
        });
    }

    [Test]
    public async Task The_samples_raw_destination_is_refused_by_the_reference_listener_and_fails_the_run()
    {
        var run = await CliRun.InvokeAsync([
            "run",
            "--provider",
            "voipappz",
            "--scenario",
            "obd-no-answer",
            "--option",
            "destination=raw",
            .. Fixed,
        ]);
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);
        using var results = JsonDocument.Parse(run.File("results.json"));
        var delivery = results.RootElement.GetProperty("scenarios")[0].GetProperty("deliveries")[0];
        Assert.That(delivery.GetProperty("response").GetProperty("status").GetInt32(), Is.EqualTo(400));
        Assert.That(
            delivery.GetProperty("response").GetProperty("body").GetString(),
            Does.Contain("destination is an unquoted number with a leading zero")
        );
    }

    [Test]
    public async Task An_unknown_voipappz_event_in_an_option_is_a_usage_error_and_nothing_is_sent()
    {
        var run = await CliRun.InvokeAsync(["run", "--provider", "voipappz", "--option", "enabled=Call:Ended", .. Fixed]);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
        Assert.That(run.Error, Does.Contain("--option enabled=Call:Ended: 'Call:Ended' is not a voipappz event"));
    }
}
