using System.Text.Json;
using CallHooks.Conformance.Listener;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Cli;

/// <summary>--target NAME=URL: each provider of a run at a URL of its own, a bare URL for the rest, and what cannot work refused.</summary>
public sealed class ProviderTargetTests
{
    [Test]
    public async Task Each_provider_goes_to_its_own_URL()
    {
        await using var listener = await ReferenceListener.StartAsync(new ListenerOptions());
        var run = await CliRun.InvokeAsync(
            "run",
            "--provider",
            "voipappz",
            "--provider",
            "myoperator-v2",
            "--target",
            "voipappz=" + new Uri(listener.BaseUrl, "voipappz/hook").AbsoluteUri,
            "--target",
            new Uri(listener.BaseUrl, "myoperator-v2").AbsoluteUri,
            "--seed",
            "42"
        );
        using var results = JsonDocument.Parse(run.File("results.json"));
        var paths = results
            .RootElement.GetProperty("scenarios")
            .EnumerateArray()
            .SelectMany(scenario =>
                scenario
                    .GetProperty("deliveries")
                    .EnumerateArray()
                    .Select(delivery =>
                        (
                            Provider: scenario.GetProperty("provider").GetString(),
                            Path: new Uri(delivery.GetProperty("request").GetProperty("url").GetString()!).AbsolutePath
                        )
                    )
            )
            .Distinct()
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString);
            Assert.That(paths, Is.EquivalentTo(new[] { ("voipappz", "/voipappz/hook"), ("myoperator-v2", "/myoperator-v2") }));
        });
    }

    [TestCase(
        new[] { "--provider", "voipappz", "--provider", "twilio", "--target", "voipappz=http://127.0.0.1:9/" },
        "--target: no URL for twilio; add --target twilio=URL or a bare --target URL for the others"
    )]
    [TestCase(
        new[] { "--provider", "voipappz", "--target", "twilio=http://127.0.0.1:9/" },
        "--target twilio=...: the run plays no twilio scenario"
    )]
    [TestCase(new[] { "--target", "exotel=http://127.0.0.1:9/" }, "--target exotel=...: unknown provider; known: ")]
    [TestCase(new[] { "--target", "http://127.0.0.1:9/a", "--target", "http://127.0.0.1:9/b" }, "--target: give one bare URL")]
    public async Task Targets_that_cannot_work_exit_2(string[] options, string expected)
    {
        var run = await CliRun.InvokeAsync(["run", .. options]);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
            Assert.That(run.Error, Does.Contain(expected));
        });
    }

    [Test]
    public async Task A_bare_URL_with_a_query_string_is_a_URL_not_a_provider()
    {
        await using var listener = await ReferenceListener.StartAsync(new ListenerOptions());
        var run = await CliRun.InvokeAsync(
            "run",
            "--target",
            new Uri(listener.BaseUrl, "in_call?token=abc").AbsoluteUri,
            "--scenario",
            "incoming-answered"
        );
        Assert.That(run.ExitCode, Is.Zero, run.ToString);
    }
}
