using System.Text;
using System.Text.Json;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Packages;

/// <summary>The engine's public face gives exactly the requests a run sends, and says clearly what it does not know.</summary>
public sealed class ProviderRequestsTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);

    [Test]
    public async Task The_requests_are_the_ones_callhooks_run_sends_with_the_same_seed_and_clock()
    {
        await using var server = FaultServer.Start(Faults.Ok);
        var run = await CliRun.InvokeAsync(
            "run",
            "--target",
            server.Url.AbsoluteUri,
            "--scenario",
            "incoming-answered",
            "--seed",
            "42",
            "--now",
            "2026-01-15T09:30:00Z"
        );
        Assert.That(run.ExitCode, Is.Zero, run.ToString);
        using var results = JsonDocument.Parse(run.File("results.json"));
        var sent = results
            .RootElement.GetProperty("scenarios")[0]
            .GetProperty("deliveries")
            .EnumerateArray()
            .Select(delivery => delivery.GetProperty("request"))
            .Select(request => (request.GetProperty("url").GetString(), request.GetProperty("body").GetString()))
            .ToList();

        var requests = ProviderRequests.For(RepoPaths.Scenarios, "myoperator-incall", "incoming-answered", server.Url, 42, Now);

        Assert.That(requests.Select(request => (request.Url.AbsoluteUri, Encoding.UTF8.GetString(request.Body.Span))), Is.EqualTo(sent));
        Assert.That(
            Encoding.ASCII.GetString(ProviderRequests.Bytes(requests[0])),
            Does.StartWith($"POST {server.Url.PathAndQuery} HTTP/1.1\r\nHost: {server.Url.Authority}\r\n")
        );
    }

    [Test]
    public void Providers_and_scenarios_are_listed_by_the_names_the_command_line_takes()
    {
        Assert.That(ProviderRequests.Providers, Does.Contain("myoperator-incall").And.Contain("twilio"));
        Assert.That(ProviderRequests.Scenarios(RepoPaths.Scenarios), Does.Contain("myoperator-incall/obd-no-answer"));
    }

    [Test]
    public void An_unknown_provider_or_scenario_is_named_with_what_is_known()
    {
        var provider = Assert.Throws<ArgumentException>(() =>
            ProviderRequests.For(RepoPaths.Scenarios, "exotel", "incoming-answered", new Uri("http://127.0.0.1:9/"), 1, Now)
        );
        Assert.That(provider!.Message, Does.StartWith("unknown provider 'exotel'; known: "));
        var scenario = Assert.Throws<ArgumentException>(() =>
            ProviderRequests.For(RepoPaths.Scenarios, "twilio", "nope", new Uri("http://127.0.0.1:9/"), 1, Now)
        );
        Assert.That(scenario!.Message, Does.StartWith("no scenario 'nope' of twilio in "));
    }
}
