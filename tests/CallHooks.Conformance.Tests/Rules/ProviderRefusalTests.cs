using System.Text.Json;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Rules;

/// <summary>
/// A listener that refuses as the provider's own library does is not marked broken: the reference listener answers
/// Twilio callbacks as twilio-node's webhook() middleware (400 without X-Twilio-Signature, 403 with a wrong one), and
/// AUTH-001 accepts the 400 for Twilio only; told otherwise with --auth-reject, the same answers break it.
/// </summary>
public sealed class ProviderRefusalTests
{
    private static readonly string[] Run =
    [
        "run",
        "--provider",
        "twilio",
        "--scenario",
        "incoming-answered",
        "--suite",
        "security",
        "--seed",
        "7",
        "--now",
        "2026-01-15T09:30:00Z",
    ];

    [Test]
    public async Task Twilio_s_400_for_a_missing_signature_passes_auth_001()
    {
        var run = await CliRun.InvokeAsync(Run);
        var auth = Rule(run, "AUTH-001");
        Assert.That(auth.GetProperty("status").GetString(), Is.EqualTo("passed"), run.ToString);
        Assert.That(Rule(run, "AUTH-002").GetProperty("status").GetString(), Is.EqualTo("passed"));
        Assert.That(
            Rule(run, "AUTH-001").GetProperty("deliveries")[0].GetProperty("response").GetProperty("status").GetInt32(),
            Is.EqualTo(400)
        );
    }

    [Test]
    public async Task Told_to_expect_401_or_403_the_same_400_breaks_auth_001()
    {
        var run = await CliRun.InvokeAsync([.. Run, "--auth-reject", "401,403"]);
        var auth = Rule(run, "AUTH-001");
        Assert.That(auth.GetProperty("status").GetString(), Is.EqualTo("failed"), run.ToString);
        Assert.That(auth.GetProperty("failures")[0].GetString(), Does.Contain("expected status 401 or 403").And.Contain("got 400"));
    }

    private static JsonElement Rule(CliRun run, string id) => run.FirstScenarioRule(id);
}
