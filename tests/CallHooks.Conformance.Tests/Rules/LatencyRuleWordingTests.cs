using System.Text.Json;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Rules;

/// <summary>
/// TIME-001 blames the budget only when the budget ran out: an answer that came at once but broke HTTP fails the rule
/// with what was wrong and when it came, never as "no response within" the budget.
/// </summary>
public sealed class LatencyRuleWordingTests
{
    [Test]
    public async Task A_malformed_answer_in_time_fails_time_001_for_what_it_was_not_for_the_budget()
    {
        await using var server = FaultServer.Start(connection => connection.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n"));
        var run = await CliRun.InvokeAsync(
            "run",
            "--target",
            server.Url.ToString(),
            "--scenario",
            "incoming-answered",
            "--seed",
            "7",
            "--now",
            "2026-01-15T09:30:00Z"
        );
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);
        using var results = JsonDocument.Parse(run.File("results.json"));
        var time001 = results
            .RootElement.GetProperty("scenarios")[0]
            .GetProperty("rules")
            .EnumerateArray()
            .Single(rule => rule.GetProperty("id").GetString() == "TIME-001");
        var failures = time001.GetProperty("failures").EnumerateArray().Select(failure => failure.GetString()).ToList();
        Assert.That(failures, Is.Not.Empty);
        Assert.That(
            failures,
            Has.All.Match(
                @"^event \d+: failed after \d+ ms, in time for the provider's budget 5s but with no valid answer: the response is not valid HTTP: the Content-Length '-5' is not a number$"
            )
        );
    }
}
