using System.Text.Json;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Rules;

/// <summary>
/// The mock CRM on WireMock.Net answering from the shipped mappings (docs/crm-mappings/), and CRM-003 against the
/// reference listener: the correct one answers the provider at once whatever the CRM does; the one that waits for the
/// CRM inside the handler turns a CRM outage or a slow CRM into 502s, and CRM-003 names the CRM's answer as the cause.
/// </summary>
public sealed class CrmTroubleRuleTests
{
    private static string Mappings(string name) => Path.Combine(RepoPaths.Root, "docs", "crm-mappings", name);

    private static string[] Run(string mappings) =>
        [
            "run",
            "--scenario",
            "incoming-answered",
            "--downstream-mappings",
            Mappings(mappings),
            "--seed",
            "7",
            "--now",
            "2026-01-15T09:30:00Z",
            "--panel",
            "none",
        ];

    [Test]
    public async Task A_listener_that_queues_its_crm_work_passes_while_the_crm_is_down()
    {
        var run = await CliRun.InvokeAsync(Run("down"));
        Assert.That(run.ExitCode, Is.Zero, run.ToString);
        var rule = Rule(run, "CRM-003");
        Assert.That(rule.GetProperty("status").GetString(), Is.EqualTo("passed"));
        Assert.That(
            rule.GetProperty("evidence")[0].GetString(),
            Does.Match(@"^POST /crm at \S+: \{""uid"":""[^""]+"",""caller"":""\+91\d{10}"",.*\} \(the CRM answered 503 in \d+ ms\)$")
        );
    }

    [Test]
    public async Task Waiting_for_a_crm_that_answers_503_breaks_crm_003_naming_the_crm_answer()
    {
        var run = await CliRun.InvokeAsync([.. Run("down"), "--listener-mode", "waits-for-crm"]);
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);
        var rule = Rule(run, "CRM-003");
        Assert.That(rule.GetProperty("status").GetString(), Is.EqualTo("failed"));
        Assert.That(
            rule.GetProperty("failures")[0].GetString(),
            Is.EqualTo(
                "event 2: the listener answered the provider 502 while the CRM, asked POST /crm while this delivery waited, answered 503 in "
                    + Milliseconds(rule)
                    + " ms: the provider retries, and the CRM is called again"
            )
        );
    }

    [Test]
    public async Task Waiting_for_a_slow_crm_past_the_push_timeout_breaks_crm_003()
    {
        var run = await CliRun.InvokeAsync([.. Run("slow"), "--listener-mode", "waits-for-crm"]);
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);
        var rule = Rule(run, "CRM-003");
        Assert.That(
            rule.GetProperty("failures")[0].GetString(),
            Does.Match(
                @"^event 2: the listener answered the provider 502 while the CRM, asked POST /crm while this delivery waited, (answered 201 in 2[4-9]\d\d ms|had not answered yet): "
            ),
            "the CRM delays 2.5 s; when the rule looks it may not have answered yet"
        );
    }

    [Test]
    public async Task A_crm_that_answers_well_leaves_crm_003_unchecked_and_says_how_to_check_it()
    {
        var run = await CliRun.InvokeAsync(Run("leads"));
        Assert.That(run.ExitCode, Is.Zero, run.ToString);
        var rule = Rule(run, "CRM-003");
        Assert.That(rule.GetProperty("status").GetString(), Is.EqualTo("n/a"));
        Assert.That(
            rule.GetProperty("notApplicable").GetString(),
            Is.EqualTo(
                "the CRM answered the 1 request(s) of this call that had arrived by "
                    + ArrivedBy(rule)
                    + " with less than a 5xx within 1s; give --downstream-mappings that answer 500 or delay to check this"
            )
        );
        Assert.That(
            Rule(run, "SIDE-003").GetProperty("evidence")[0].GetString(),
            Does.EndWith("(the CRM answered 201 in " + Milliseconds(Rule(run, "SIDE-003")) + " ms)"),
            "the leads mapping answers the create with 201, and the evidence says so"
        );
    }

    [Test]
    public async Task A_crm_slower_than_the_scenario_s_downstream_time_is_not_taken_for_a_listener_that_never_pushed()
    {
        var folder = Directory.CreateTempSubdirectory("callhooks-slow-crm-").FullName;
        try
        {
            var scenario = File.ReadAllText(Path.Combine(RepoPaths.Scenarios, "myoperator-incall", "incoming-answered.json"))
                .Replace("\"within\": \"5s\"", "\"within\": \"1s\"", StringComparison.Ordinal)
                .Replace("\"$schema\": \"../scenario.schema.json\",", "", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder, "slow-crm.json"), scenario);
            var mappings = Path.Combine(folder, "mappings.json");
            File.WriteAllText(mappings, """{"Request": {"Methods": ["POST"]}, "Response": {"StatusCode": 201, "Delay": 1500}}""");
            var run = await CliRun.InvokeAsync(
                "run",
                "--scenario",
                Path.Combine(folder, "slow-crm.json"),
                "--downstream-mappings",
                mappings,
                "--seed",
                "7",
                "--panel",
                "none"
            );
            var side = Rule(run, "SIDE-003");
            Assert.That(side.GetProperty("status").GetString(), Is.EqualTo("passed"), run.ToString);
            Assert.That(
                side.GetProperty("evidence")[0].GetString(),
                Does.Match(@"\(the CRM (answered 201 in 1[5-9]\d\d ms|had not answered yet)\)$")
            );
            Assert.That(
                Rule(run, "CRM-003").GetProperty("status").GetString(),
                Is.EqualTo("passed"),
                "the strict listener answered at once"
            );
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string ArrivedBy(JsonElement rule) =>
        System
            .Text.RegularExpressions.Regex.Match(rule.GetProperty("notApplicable").GetString()!, @"arrived by (\d\d:\d\d:\d\d\.\d{3}) ")
            .Groups[1]
            .Value;

    private static string Milliseconds(JsonElement rule) =>
        System.Text.RegularExpressions.Regex.Match(rule.GetProperty("evidence")[0].GetString()!, @"in (\d+) ms\)$").Groups[1].Value;

    private static JsonElement Rule(CliRun run, string id) => run.FirstScenarioRule(id);
}
