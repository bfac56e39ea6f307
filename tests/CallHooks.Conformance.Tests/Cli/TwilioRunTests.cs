using System.Text.Json;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Cli;

/// <summary>`callhooks run --provider twilio` and `--sign standard-webhooks` end to end against the embedded listener.</summary>
public sealed class TwilioRunTests
{
    private const string Token = "9c1e4f0a7b3d2e6f8a0b1c2d3e4f5a6b";
    private const string WhSec = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static readonly string[] Fixed = ["--seed", "42", "--now", "2026-01-15T09:30:00Z"];

    [TestCase]
    [TestCase("--secret", Token)]
    [TestCase("--secret", Token, "--basic", "acct:pw-7d1c")]
    [TestCase("--method", "GET", "--secret", Token)]
    [TestCase("--encoding", "json", "--secret", Token, "--basic", "acct:pw-7d1c")]
    public async Task The_whole_twilio_suite_passes_against_the_embedded_listener(params string[] options)
    {
        var run = await CliRun.InvokeAsync(["run", "--provider", "twilio", .. options, .. Fixed]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        using var results = JsonDocument.Parse(run.File("results.json"));
        var summary = results.RootElement.GetProperty("summary");
        Assert.That((summary.GetProperty("passed").GetInt32(), summary.GetProperty("failed").GetInt32()), Is.EqualTo((6, 0)));
        var everything = run.Out + run.Error + run.File("results.json") + run.File("junit.xml");
        Assert.That(everything, Does.Not.Contain(Token).And.Not.Contain("pw-7d1c"));
    }

    [Test]
    public async Task With_basic_auth_each_delivery_records_the_challenged_first_attempt()
    {
        var run = await CliRun.InvokeAsync([
            "run",
            "--provider",
            "twilio",
            "--scenario",
            "incoming-missed",
            "--basic",
            "acct:pw-7d1c",
            .. Fixed,
        ]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        using var results = JsonDocument.Parse(run.File("results.json"));
        foreach (var delivery in results.RootElement.GetProperty("scenarios")[0].GetProperty("deliveries").EnumerateArray())
        {
            var first = delivery.GetProperty("earlierAttempts").EnumerateArray().Single();
            Assert.That(first.GetProperty("response").GetProperty("status").GetInt32(), Is.EqualTo(401));
            Assert.That(
                first.GetProperty("request").GetProperty("headers").EnumerateArray().Select(h => h.GetProperty("name").GetString()),
                Does.Not.Contain("Authorization")
            );
            Assert.That(
                delivery.GetProperty("request").GetProperty("headers").EnumerateArray().Select(h => h.GetProperty("name").GetString()),
                Does.Contain("Authorization")
            );
        }
    }

    [TestCase("myoperator-incall", 7)]
    [TestCase("twilio", 6)]
    public async Task Standard_webhooks_signing_passes_the_listeners_verification(string provider, int scenarios)
    {
        var run = await CliRun.InvokeAsync(["run", "--provider", provider, "--sign", "standard-webhooks", "--secret", WhSec, .. Fixed]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        using var results = JsonDocument.Parse(run.File("results.json"));
        Assert.That(results.RootElement.GetProperty("summary").GetProperty("passed").GetInt32(), Is.EqualTo(scenarios));
        var headers = results
            .RootElement.GetProperty("scenarios")[0]
            .GetProperty("deliveries")[0]
            .GetProperty("request")
            .GetProperty("headers")
            .EnumerateArray()
            .Select(h => h.GetProperty("name").GetString())
            .ToList();
        Assert.That(headers, Is.SupersetOf(new[] { "webhook-id", "webhook-timestamp", "webhook-signature" }));
        Assert.That(run.Out + run.Error + run.File("results.json"), Does.Not.Contain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
    }

    [TestCase("whsec_not*base64", "callhooks: --secret: the part after 'whsec_' is not valid base64")]
    [TestCase("whsec_YWJj", "callhooks: --secret: the key decodes to 3 bytes; Standard Webhooks keys are 24 to 64 bytes")]
    public async Task A_malformed_whsec_key_is_a_usage_error(string secret, string message)
    {
        var run = await CliRun.InvokeAsync(["run", "--sign", "standard-webhooks", "--secret", secret, .. Fixed]);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
        Assert.That(run.Error, Does.Contain(message));
    }

    [Test]
    public async Task Custom_headers_are_refused_for_twilio()
    {
        var run = await CliRun.InvokeAsync(["run", "--provider", "twilio", "--header", "X-Token: abc", .. Fixed]);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
        Assert.That(run.Error, Does.Contain("--header: twilio status callbacks carry no custom headers; use --basic or --secret"));
    }
}
