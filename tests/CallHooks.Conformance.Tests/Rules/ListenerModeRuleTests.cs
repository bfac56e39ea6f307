using System.Text.Json;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Rules;

/// <summary>
/// Each deliberately broken reference-listener mode fails exactly the rules that catch its bug, and the strict
/// listener passes every rule of every suite. This is the proof that each rule detects what it claims to.
/// </summary>
public sealed class ListenerModeRuleTests
{
    private static readonly string[] Common =
        ["run", "--suite", "all", "--basic", "admin:s3cret", "--header", "x-webhook-token: t0ken", "--downstream-port", "0", "--seed", "7", "--now", "2026-01-15T09:30:00Z"];

    [TestCase("strict", new string[0])]
    [TestCase("accepts-missing-auth", new[] { "AUTH-001" })]
    [TestCase("fails-duplicates", new[] { "DUP-001", "ORDER-002", "RETRY-001", "SIDE-002" })]
    [TestCase("server-error-on-malformed", new[] { "ROB-006", "ROB-007", "ROB-008" })]
    [TestCase("keeps-no-record", new[] { "SIDE-001", "SIDE-002", "SIDE-003" })]
    public async Task A_listener_mode_breaks_exactly_its_rules(string mode, string[] broken)
    {
        var run = await CliRun.InvokeAsync([.. Common, "--scenario", "incoming-answered", "--listener-mode", mode]);
        Assert.That(run.ExitCode, Is.EqualTo(broken.Length == 0 ? 0 : 1), run.ToString);
        var (failed, warnings, checkedCount) = Rules(run);
        Assert.That(failed, Is.EqualTo(broken));
        Assert.That(warnings, Is.Empty);
        Assert.That(checkedCount, Is.EqualTo(CallHooks.Conformance.Rules.RuleCatalog.All.Count - 2), "every rule applies to a POST with Basic auth, a secret header, a record URL and a mock CRM, except SIG-001 and SIG-002 (unsigned)");
    }

    [Test]
    public async Task A_slow_listener_only_breaks_the_should_rule_and_still_exits_0()
    {
        var run = await CliRun.InvokeAsync("run", "--listener-mode", "slow", "--scenario", "obd-no-answer", "--seed", "7", "--now", "2026-01-15T09:30:00Z");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        var (failed, warnings, _) = Rules(run);
        Assert.That(failed, Is.Empty);
        Assert.That(warnings, Is.EqualTo(new[] { "TIME-002" }));
        Assert.That(run.Out, Does.Contain("WARN TIME-002 (SHOULD)"));
    }

    [Test]
    public async Task The_strict_listener_passes_every_rule_of_every_scenario_and_signature_rules_with_signing()
    {
        var run = await CliRun.InvokeAsync([.. Common, "--sign", "standard-webhooks", "--secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "--retry-speedup", "1000000"]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        using var results = JsonDocument.Parse(run.File("results.json"));
        var rules = results.RootElement.GetProperty("scenarios").EnumerateArray().SelectMany(scenario => scenario.GetProperty("rules").EnumerateArray()).ToList();
        // Broken-body rules step aside when requests are signed (a signature check answers first); everything else passes.
        Assert.That(rules.Where(rule => rule.GetProperty("status").GetString() != "passed").Select(rule => rule.GetProperty("id").GetString()).Distinct(), Is.EquivalentTo(new[] { "ROB-006", "ROB-007", "ROB-008" }));
        Assert.That(rules.Where(rule => rule.GetProperty("status").GetString() == "failed"), Is.Empty);
        Assert.That(rules.Select(rule => rule.GetProperty("id").GetString()).Distinct(), Does.Contain("SIG-001").And.Contain("AUTH-002").And.Contain("ROB-005"));
    }

    [Test]
    public async Task Rule_failures_appear_in_junit_with_the_rule_id()
    {
        var run = await CliRun.InvokeAsync([.. Common, "--scenario", "obd-no-answer", "--listener-mode", "accepts-missing-auth"]);
        var junit = run.File("junit.xml");
        Assert.That(junit, Does.Contain("<testsuite name=\"rules\""));
        Assert.That(junit, Does.Contain("name=\"AUTH-001 obd-no-answer\""));
        Assert.That(junit, Does.Contain("message=\"AUTH-001 (MUST): event 4 (without credentials): expected status 401 or 403, got 200 OK\""));
    }

    private static (string[] Failed, string[] Warnings, int Checked) Rules(CliRun run)
    {
        using var results = JsonDocument.Parse(run.File("results.json"));
        var summary = results.RootElement.GetProperty("rules");
        var statuses = results.RootElement.GetProperty("scenarios").EnumerateArray()
            .SelectMany(scenario => scenario.GetProperty("rules").EnumerateArray())
            .Select(rule => (Id: rule.GetProperty("id").GetString()!, Status: rule.GetProperty("status").GetString()!))
            .ToList();
        return (
            statuses.Where(rule => rule.Status == "failed").Select(rule => rule.Id).Distinct().Order(StringComparer.Ordinal).ToArray(),
            statuses.Where(rule => rule.Status == "warning").Select(rule => rule.Id).Distinct().Order(StringComparer.Ordinal).ToArray(),
            summary.GetProperty("checked").GetInt32());
    }
}
