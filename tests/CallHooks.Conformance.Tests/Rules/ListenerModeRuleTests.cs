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
    [
        "run",
        "--suite",
        "all",
        "--basic",
        "admin:s3cret",
        "--header",
        "x-webhook-token: t0ken",
        // A mock CRM that is down (503), so CRM-003 is judged in every mode: only the listener that waits for the CRM breaks it.
        "--downstream-mappings",
        Path.Combine(RepoPaths.Root, "docs", "crm-mappings", "down"),
        "--seed",
        "7",
        "--now",
        "2026-01-15T09:30:00Z",
    ];

    [TestCase("strict", new string[0])]
    [TestCase("accepts-missing-auth", new[] { "AUTH-001" })]
    [TestCase("fails-duplicates", new[] { "DUP-001", "ORDER-002", "RETRY-001", "SIDE-002" })]
    [TestCase("server-error-on-malformed", new[] { "ROB-006", "ROB-007", "ROB-008" })]
    [TestCase("keeps-no-record", new[] { "SIDE-001", "SIDE-002", "SIDE-003", "SIDE-004" })]
    [TestCase("record-per-event", new[] { "SIDE-002" })]
    [TestCase("record-per-delivery", new[] { "DUP-001", "RETRY-001", "SIDE-002" })]
    [TestCase("stores-raw-payload", new[] { "ORDER-001", "ORDER-002", "SIDE-001", "SIDE-004" })]
    [TestCase("stores-malformed", new[] { "ROB-006", "ROB-007" })]
    [TestCase("passes-malformed", new string[0])]
    // Every rule that sends the call's finish sees the 502 the CRM outage causes; CRM-003 names the CRM as the cause.
    [TestCase(
        "waits-for-crm",
        new[]
        {
            "CORE-001",
            "CRM-003",
            "DUP-001",
            "ORDER-001",
            "ORDER-002",
            "RETRY-001",
            "ROB-001",
            "ROB-002",
            "ROB-003",
            "ROB-004",
            "ROB-005",
            "SIDE-002",
        }
    )]
    public async Task A_listener_mode_breaks_exactly_its_rules(string mode, string[] broken)
    {
        var run = await CliRun.InvokeAsync([.. Common, "--scenario", "incoming-answered", "--listener-mode", mode]);
        Assert.That(run.ExitCode, Is.EqualTo(broken.Length == 0 ? 0 : 1), run.ToString);
        var (failed, warnings, checkedCount) = Rules(run);
        Assert.That(failed, Is.EqualTo(broken));
        Assert.That(warnings, Is.Empty);
        Assert.That(
            checkedCount,
            // A listener that keeps nothing never calls the CRM, so its trouble (CRM-003) is not tested either.
            Is.EqualTo(CallHooks.Conformance.Rules.RuleCatalog.All.Count - (mode == "keeps-no-record" ? 4 : 3)),
            "every rule applies to a POST with Basic auth, a secret header, a record URL and a failing mock CRM, except SIG-001 and SIG-002 (unsigned) and CRM-002 (the shipped scenario names no CRM request)"
        );
    }

    [Test]
    public async Task Each_record_bug_fails_with_a_message_that_names_its_real_cause()
    {
        string Failures(CliRun run, string id)
        {
            using var results = JsonDocument.Parse(run.File("results.json"));
            return string.Join(
                "\n",
                results
                    .RootElement.GetProperty("scenarios")
                    .EnumerateArray()
                    .SelectMany(scenario => scenario.GetProperty("rules").EnumerateArray())
                    .Where(rule => rule.GetProperty("id").GetString() == id)
                    .SelectMany(rule => rule.GetProperty("failures").EnumerateArray().Select(failure => failure.GetString()))
            );
        }

        var perEvent = await CliRun.InvokeAsync([.. Common, "--scenario", "incoming-answered", "--listener-mode", "record-per-event"]);
        Assert.That(
            Failures(perEvent, "SIDE-002"),
            Does.Match(
                @"^event 5 \(event 2 of 4 of the call, before any duplicate was sent\) left 2 records for one call: it created a record instead of updating the call's record$"
            )
        );

        var perDelivery = await CliRun.InvokeAsync([
            .. Common,
            "--scenario",
            "incoming-answered",
            "--listener-mode",
            "record-per-delivery",
        ]);
        // Every delivery makes a record: the second event already did, before any duplicate; DUP-001 names the duplicates.
        Assert.That(
            Failures(perDelivery, "SIDE-002"),
            Does.StartWith("event 5 (event 2 of 4 of the call, before any duplicate was sent) left 2 records")
        );
        Assert.That(
            Failures(perDelivery, "DUP-001"),
            Does.StartWith(
                "the duplicate of event 1 raised the records the listener holds for the call from 1 to 2: a provider's retry is the same event and must not create a record"
            )
        );
        Assert.That(
            Failures(perDelivery, "RETRY-001"),
            Does.Match(@"^the 3 retries of event 2 raised the records the listener holds for the call from 4 to 7")
        );

        var raw = await CliRun.InvokeAsync([.. Common, "--scenario", "incoming-answered", "--listener-mode", "stores-raw-payload"]);
        Assert.That(
            Failures(raw, "SIDE-001"),
            Does.Match(@"^the record's caller \(\$\.caller\) is empty, but the call's caller is \+91\d{10}$")
        );

        var malformed = await CliRun.InvokeAsync([.. Common, "--scenario", "incoming-answered", "--listener-mode", "stores-malformed"]);
        Assert.That(Failures(malformed, "ROB-007"), Does.Contain("the wrong content type created a record: [{\"uid\":"));
    }

    [Test]
    public async Task A_webhook_that_updates_the_newest_record_whatever_the_call_fails_side_004_naming_both_calls()
    {
        // The whole suite, four calls at a time: one call's events land in another call's record.
        var run = await CliRun.InvokeAsync(
            "run",
            "--listener-mode",
            "updates-newest-record",
            "--seed",
            "7",
            "--now",
            "2026-01-15T09:30:00Z",
            "--parallel",
            "4"
        );
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);
        var (failed, _, _) = Rules(run);
        Assert.That(failed, Does.Contain("SIDE-004"));
        Assert.That(
            run.Out,
            Does.Match(
                @"at the end of the run the record of call \S+ \(myoperator-incall/[a-z-]+\) names the caller of call \S+ \(myoperator-incall/[a-z-]+\), \+91\d{10}, instead of its own, \+91\d{10}: a webhook of one call changed another call's record"
            )
        );
    }

    [Test]
    public async Task A_slow_listener_only_breaks_the_should_rule_and_still_exits_0()
    {
        var run = await CliRun.InvokeAsync(
            "run",
            "--listener-mode",
            "slow",
            "--scenario",
            "obd-no-answer",
            "--seed",
            "7",
            "--now",
            "2026-01-15T09:30:00Z"
        );
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        var (failed, warnings, _) = Rules(run);
        Assert.That(failed, Is.Empty);
        Assert.That(warnings, Is.EqualTo(new[] { "TIME-002" }));
        Assert.That(run.Out, Does.Contain("WARN TIME-002 (SHOULD)"));
    }

    [Test]
    public async Task The_strict_listener_passes_every_rule_of_every_scenario_and_signature_rules_with_signing()
    {
        var run = await CliRun.InvokeAsync([
            .. Common,
            "--sign",
            "standard-webhooks",
            "--secret",
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "--retry-speedup",
            "1000000",
        ]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        using var results = JsonDocument.Parse(run.File("results.json"));
        var rules = results
            .RootElement.GetProperty("scenarios")
            .EnumerateArray()
            .SelectMany(scenario => scenario.GetProperty("rules").EnumerateArray())
            .ToList();
        // Broken-body rules step aside when requests are signed (a signature check answers first), and the shipped
        // scenarios name no CRM request for CRM-002; everything else passes.
        Assert.That(
            rules
                .Where(rule => rule.GetProperty("status").GetString() != "passed")
                .Select(rule => rule.GetProperty("id").GetString())
                .Distinct(),
            Is.EquivalentTo(new[] { "CRM-002", "ROB-006", "ROB-007", "ROB-008" })
        );
        Assert.That(rules.Where(rule => rule.GetProperty("status").GetString() == "failed"), Is.Empty);
        Assert.That(
            rules.Select(rule => rule.GetProperty("id").GetString()).Distinct(),
            Does.Contain("SIG-001").And.Contain("AUTH-002").And.Contain("ROB-005")
        );
    }

    [Test]
    public async Task Rule_failures_appear_in_junit_with_the_rule_id()
    {
        var run = await CliRun.InvokeAsync([.. Common, "--scenario", "obd-no-answer", "--listener-mode", "accepts-missing-auth"]);
        var junit = run.File("junit.xml");
        Assert.That(junit, Does.Contain("<testsuite name=\"rules\""));
        Assert.That(junit, Does.Contain("name=\"AUTH-001 obd-no-answer\""));
        Assert.That(
            junit,
            Does.Contain("message=\"AUTH-001 (MUST): event 4 (without credentials): expected status 401 or 403, got 200 OK\"")
        );
    }

    private static (string[] Failed, string[] Warnings, int Checked) Rules(CliRun run)
    {
        using var results = JsonDocument.Parse(run.File("results.json"));
        var summary = results.RootElement.GetProperty("rules");
        var statuses = results
            .RootElement.GetProperty("scenarios")
            .EnumerateArray()
            .SelectMany(scenario => scenario.GetProperty("rules").EnumerateArray())
            .Select(rule => (Id: rule.GetProperty("id").GetString()!, Status: rule.GetProperty("status").GetString()!))
            .ToList();
        return (
            statuses.Where(rule => rule.Status == "failed").Select(rule => rule.Id).Distinct().Order(StringComparer.Ordinal).ToArray(),
            statuses.Where(rule => rule.Status == "warning").Select(rule => rule.Id).Distinct().Order(StringComparer.Ordinal).ToArray(),
            summary.GetProperty("checked").GetInt32()
        );
    }
}
