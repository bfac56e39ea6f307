using System.Text.Json;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Rules;

/// <summary>
/// CRM-002: a scenario names the CRM requests its call must cause and the values they carry, written against the
/// call; the reference listener's push ({uid, caller, status, call_state}) holds them or shows where it does not.
/// </summary>
public sealed class CrmRequestsRuleTests
{
    private static string ScenarioFolder(string requests)
    {
        var folder = Path.Combine(Path.GetTempPath(), "callhooks-crm-" + Guid.NewGuid().ToString("N"), "myoperator-incall");
        Directory.CreateDirectory(folder);
        File.WriteAllText(
            Path.Combine(folder, "incoming-answered.json"),
            $$"""
            {
              "name": "incoming-answered",
              "provider": "myoperator-incall",
              "call": { "type": "incoming", "outcome": "connected" },
              "events": [ { "event": "1" }, { "event": "5", "after": "50ms" }, { "event": "6", "after": "50ms" }, { "event": "2", "after": "50ms" } ],
              "downstream": { "within": "1s", "requests": {{requests}} }
            }
            """
        );
        return Path.GetDirectoryName(folder)!;
    }

    private static Task<CliRun> RunAsync(string scenarios, string mode = "strict", string provider = "myoperator-incall") =>
        CliRun.InvokeAsync(
            "run",
            "--provider",
            provider,
            "--scenarios",
            scenarios,
            "--downstream-port",
            "0",
            "--listener-mode",
            mode,
            "--seed",
            "7",
            "--now",
            "2026-01-15T09:30:00Z"
        );

    [Test]
    public async Task The_push_carries_the_call_s_caller_id_and_status_so_the_rule_passes()
    {
        var scenarios = ScenarioFolder(
            """[ { "method": "POST", "path": "/crm", "count": 1, "fields": { "$.caller": "{call.caller.e164}", "$.uid": "{call.id}", "$.status": "1" } } ]"""
        );
        var run = await RunAsync(scenarios);
        var rule = Rule(run, "CRM-002");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString);
            Assert.That(rule.GetProperty("status").GetString(), Is.EqualTo("passed"));
            Assert.That(rule.GetProperty("evidence")[0].GetString(), Does.StartWith("POST /crm at ").And.Contain("\"caller\":\"+91"));
        });
    }

    [Test]
    public async Task A_value_the_push_lacks_fails_with_the_request_the_CRM_got_and_what_differs()
    {
        var scenarios = ScenarioFolder(
            """[ { "method": "POST", "fields": { "$.caller": "{call.caller.e164}", "$.agent": "{call.agent.e164}" } } ]"""
        );
        var run = await RunAsync(scenarios);
        var failure = Rule(run, "CRM-002").GetProperty("failures")[0].GetString()!;
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);
            Assert.That(
                failure,
                Does.StartWith(
                    "expected the CRM to receive POST with $.caller, $.agent holding the call's values within 1s; POST /crm {\"uid\":"
                )
            );
            Assert.That(failure, Does.Match("differs: \\$\\.agent is missing \\(expected \"\\+91\\d{10}\"\\)$"));
        });
    }

    [Test]
    public async Task A_listener_that_keeps_no_record_pushes_nothing_and_the_rule_says_nothing_of_the_call_arrived()
    {
        var scenarios = ScenarioFolder("""[ { "fields": { "$.caller": "{call.caller.e164}" } } ]""");
        var run = await RunAsync(scenarios, "keeps-no-record");
        Assert.That(
            Rule(run, "CRM-002").GetProperty("failures")[0].GetString(),
            Does.StartWith("expected the CRM to receive a request with $.caller within 1s; no request naming the call (caller +91")
        );
    }

    /// <summary>The After-Call handler that reads the legs as objects: 200 to every log, an empty agent in the CRM.</summary>
    [TestCase("strict", null)]
    [TestCase("reads-legs-as-objects", "$.agent is \"\" (expected \"+91")]
    public async Task The_After_Call_push_names_the_answering_agent_unless_the_legs_are_read_as_objects(string mode, string? broken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "callhooks-crm-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "myoperator-aftercall"));
        File.WriteAllText(
            Path.Combine(folder, "myoperator-aftercall", "incoming-answered.json"),
            """
            {
              "name": "incoming-answered",
              "provider": "myoperator-aftercall",
              "call": { "type": "incoming", "outcome": "connected" },
              "events": [ { "event": "after-call" } ],
              "downstream": { "within": "1s", "requests": [ { "method": "POST", "count": 1, "fields": { "$.caller": "{call.caller.e164}", "$.agent": "{call.agent.e164}" } } ] }
            }
            """
        );
        var run = await RunAsync(folder, mode, "myoperator-aftercall");
        var rule = Rule(run, "CRM-002");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(broken is null ? 0 : 1), run.ToString);
            Assert.That(rule.GetProperty("status").GetString(), Is.EqualTo(broken is null ? "passed" : "failed"));
            if (broken is not null)
                Assert.That(rule.GetProperty("failures")[0].GetString(), Does.Contain(broken));
        });
    }

    /// <summary>The same expectations on the listener's record (record.fields, checked by SIDE-001 at --verify-url).</summary>
    [TestCase("""{ "$.caller": "{call.caller.e164}", "$.uid": "{call.id}", "$.clid": "{call.caller.national}" }""", null)]
    [TestCase("""{ "$.caller": "{call.caller.digits}" }""", "the record's $.caller is \"+91")]
    public async Task The_record_holds_the_call_s_values_the_scenario_names(string fields, string? broken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "callhooks-record-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "myoperator-incall"));
        File.WriteAllText(
            Path.Combine(folder, "myoperator-incall", "incoming-answered.json"),
            $$"""
            {
              "name": "incoming-answered",
              "provider": "myoperator-incall",
              "call": { "type": "incoming", "outcome": "connected" },
              "events": [ { "event": "1" }, { "event": "6", "after": "50ms" }, { "event": "2", "after": "50ms" } ],
              "record": { "fields": {{fields}} }
            }
            """
        );
        var run = await RunAsync(folder);
        var rule = Rule(run, "SIDE-001");
        Assert.Multiple(() =>
        {
            Assert.That(rule.GetProperty("status").GetString(), Is.EqualTo(broken is null ? "passed" : "failed"), run.ToString);
            Assert.That(rule.GetProperty("notChecked").ValueKind, Is.EqualTo(JsonValueKind.Null), "the record's fields were compared");
            if (broken is not null)
                Assert.That(rule.GetProperty("failures")[0].GetString(), Does.StartWith(broken).And.Contain("(expected \"91"));
        });
    }

    [Test]
    public async Task An_unknown_placeholder_is_refused_at_its_position_before_anything_is_sent()
    {
        var scenarios = ScenarioFolder("""[ { "fields": { "$.agent": "{call.agent.phone}" } } ]""");
        var run = await RunAsync(scenarios);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(
                run.Error,
                Does.Contain("incoming-answered.json:6:74: {call.agent.phone} is not a call placeholder; known: {call.id},")
            );
        });
    }

    private static JsonElement Rule(CliRun run, string id) => run.FirstScenarioRule(id);
}
