using System.Text.Json;
using System.Text.Json.Nodes;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Providers;

/// <summary>
/// A run with --now far from today still signs as a provider does, at the real time of sending, so the standardwebhooks
/// library (which checks the timestamp against its own clock) accepts every request; --signature-time call signs with
/// call time instead, for byte-identical replays, and that same library then refuses them. The run says which it did.
/// </summary>
public sealed class SignatureTimeTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    [Test]
    public async Task With_a_fixed_clock_signatures_still_carry_the_real_time_and_verify()
    {
        var (run, verdicts) = await SignedRunAsync();
        Assert.That(run.ExitCode, Is.Zero, run.ToString);
        Assert.That(verdicts, Has.Count.GreaterThan(0).And.All.Null);
        Assert.That(
            run.Error,
            Does.Contain("callhooks: webhook-timestamp is the real clock at sending, as a provider signs, whatever --now says")
        );
    }

    [Test]
    public async Task Signed_with_call_time_the_vendor_library_refuses_a_timestamp_months_old()
    {
        var (run, verdicts) = await SignedRunAsync("--signature-time", "call");
        Assert.That(run.ExitCode, Is.Zero, run.ToString);
        Assert.That(verdicts, Has.All.Not.Null, "the library checks the timestamp against its own clock");
        Assert.That(run.Error, Does.Contain("webhook-timestamp is each event's call time (--signature-time call)"));
    }

    private static async Task<(CliRun Run, IReadOnlyList<string?> Verdicts)> SignedRunAsync(params string[] extra)
    {
        await using var server = FaultServer.Start(Faults.Ok);
        var run = await CliRun.InvokeAsync([
            "run",
            "--provider",
            "myoperator-v2",
            "--scenario",
            "incoming-answered",
            "--target",
            server.Url.AbsoluteUri,
            "--sign",
            "standard-webhooks",
            "--secret",
            Secret,
            "--seed",
            "7",
            "--now",
            "2026-01-15T09:30:00Z",
            .. extra,
        ]);
        using var results = JsonDocument.Parse(run.File("results.json"));
        var requests = results
            .RootElement.GetProperty("scenarios")[0]
            .GetProperty("deliveries")
            .EnumerateArray()
            .Select(delivery => delivery.GetProperty("request"))
            .Select(request => new JsonObject
            {
                ["scheme"] = "standard-webhooks",
                ["secret"] = Secret,
                ["body"] = request.GetProperty("body").GetString(),
                ["headers"] = new JsonObject(
                    request
                        .GetProperty("headers")
                        .EnumerateArray()
                        .Where(header => header.GetProperty("name").GetString()!.StartsWith("webhook-", StringComparison.Ordinal))
                        .Select(header =>
                            KeyValuePair.Create(header.GetProperty("name").GetString()!, (JsonNode?)header.GetProperty("value").GetString())
                        )
                ),
            })
            .ToList();
        return (run, await VendorVerifiers.JudgeAsync(requests));
    }
}
