using System.Text.Json;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Rules;

/// <summary>
/// ROB-001..005 for every profile and method: the fields each varies are the profile's own optional and free-text fields,
/// reaching the wire however the setup sends them (JSON members, form or query parameters, Smartflo template variables),
/// and a rule that would change no byte says why instead of passing.
/// </summary>
public sealed class PayloadVariantTests
{
    private static readonly string[] Fixed = ["--suite", "robustness", "--seed", "7", "--now", "2026-01-15T09:30:00Z"];

    [TestCase("myoperator-incall", "incoming-answered")]
    [TestCase("myoperator-aftercall", "incoming-answered")]
    [TestCase("myoperator-v2", "obd-answered")]
    [TestCase("acefone", "obd-answered")]
    [TestCase("twilio", "incoming-answered")]
    [TestCase("voipappz", "incoming-ivr")]
    public async Task Every_profile_varies_its_payload_and_a_correct_listener_passes_every_variation(string provider, string scenario)
    {
        var run = await CliRun.InvokeAsync(["run", "--provider", provider, "--scenario", scenario, .. Fixed]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        var rules = Rules(run);
        foreach (var id in (string[])["ROB-002", "ROB-003", "ROB-004", "ROB-005"])
            Assert.That(rules[id].GetProperty("status").GetString(), Is.EqualTo("passed"), $"{provider} {id}: {rules[id]}");
        Assert.That(rules["ROB-001"].GetProperty("status").GetString(), Is.EqualTo(provider == "acefone" ? "n/a" : "passed"));
    }

    [Test]
    public async Task Acefone_sends_a_missing_variable_as_its_literal_name_and_odd_text_in_its_free_text_variables()
    {
        await using var listener = await ScriptedListener.AnsweringAsync(200);
        var run = await CliRun.InvokeAsync([
            "run",
            "--target",
            listener.BaseUrl.AbsoluteUri,
            "--provider",
            "acefone",
            "--scenario",
            "obd-answered",
            .. Fixed,
        ]);
        // This listener answers 200 to anything, broken bodies too (ROB-006..008 fail); the variations all pass.
        foreach (var id in (string[])["ROB-002", "ROB-003", "ROB-004", "ROB-005"])
            Assert.That(Rules(run)[id].GetProperty("status").GetString(), Is.EqualTo("passed"), run.ToString);
        var bodies = listener.Requests.Select(request => request.Body).ToList();
        // Live Smartflo bodies carry "$name" for a variable that does not apply; ROB-002 sends exactly that.
        Assert.That(bodies, Has.Some.Contains("\"ref_id\":\"$ref_id\"").And.Contains("\"custom_identifier\":\"$custom_identifier\""));
        Assert.That(bodies, Has.Some.Contains("\"ref_id\":\"\",").And.Contains("\"campaign_name\":\"\","));
        Assert.That(bodies, Has.Some.Contains("\"answered_agent_name\":\"ग्राहक राजेश — 客户 — عميل — 😀\""));
        Assert.That(bodies, Has.Some.Contains("\"custom_identifier\":\"" + new string('x', 10_000) + "\""));
        Assert.That(
            Rules(run)["ROB-001"].GetProperty("notApplicable").GetString(),
            Is.EqualTo(
                "acefone: the payload's keys are the user's template, so a field reaches the listener only once its $variable is added there"
            )
        );
    }

    [Test]
    public async Task A_listener_that_insists_on_an_optional_variable_fails_ROB_002_at_the_event_it_refused()
    {
        // A CRM keyed on Smartflo's ref_id: it refuses a call whose ref_id is the unsubstituted "$ref_id".
        await using var strict = await ScriptedListener.JudgingAsync(request =>
            request.Body.Contains("\"ref_id\":\"$ref_id\"", StringComparison.Ordinal) ? 422 : 200
        );
        var run = await CliRun.InvokeAsync([
            "run",
            "--target",
            strict.BaseUrl.AbsoluteUri,
            "--provider",
            "acefone",
            "--scenario",
            "obd-answered",
            .. Fixed,
        ]);
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);
        var failures = Rules(run)["ROB-002"].GetProperty("failures").EnumerateArray().Select(failure => failure.GetString()).ToList();
        Assert.That(failures, Has.Count.GreaterThan(0));
        Assert.That(
            failures,
            Has.All.Match(@"^event [a-z-]+ \(optional fields missing\): expected status 2xx, got 422 Unprocessable Entity$")
        );
        Assert.That(Rules(run)["ROB-003"].GetProperty("status").GetString(), Is.EqualTo("passed"));
    }

    [Test]
    public async Task A_GET_setup_varies_its_mapped_query_parameters_within_a_request_line_servers_accept()
    {
        await using var listener = await ScriptedListener.AnsweringAsync(200);
        var run = await CliRun.InvokeAsync([
            "run",
            "--target",
            listener.BaseUrl.AbsoluteUri,
            "--provider",
            "myoperator-incall",
            "--method",
            "GET",
            "--query",
            "crm=client_ref_id",
            "--query",
            "campaign=reference_id",
            "--scenario",
            "obd-answered",
            .. Fixed,
        ]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        var queries = listener.Requests.Select(request => request.PathAndQuery).ToList();
        Assert.That(queries, Has.Some.Contains("crm=%E0%A4%97%E0%A5%8D%E0%A4%B0%E0%A4%BE%E0%A4%B9%E0%A4%95"));
        Assert.That(queries, Has.Some.Contains("crm=" + new string('x', 1_000) + "&"));
        Assert.That(queries, Has.None.Contains(new string('x', 1_001)));
        Assert.That(queries, Has.Some.EndsWith("&campaign="));
        var rules = Rules(run);
        Assert.That(rules["ROB-004"].GetProperty("status").GetString(), Is.EqualTo("passed"));
        Assert.That(
            rules["ROB-001"].GetProperty("notApplicable").GetString(),
            Does.StartWith("this GET setup sends only its mapped query parameters, and none is a field the rule varies")
        );
    }

    [Test]
    public async Task A_GET_setup_that_maps_no_varied_field_says_how_to_map_one_instead_of_passing()
    {
        await using var listener = await ScriptedListener.AnsweringAsync(200);
        var run = await CliRun.InvokeAsync([
            "run",
            "--target",
            listener.BaseUrl.AbsoluteUri,
            "--provider",
            "myoperator-incall",
            "--method",
            "GET",
            "--query",
            "caller=clid",
            "--scenario",
            "incoming-answered",
            .. Fixed,
        ]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        foreach (var id in (string[])["ROB-001", "ROB-002", "ROB-003", "ROB-004", "ROB-005"])
            Assert.That(
                Rules(run)[id].GetProperty("notApplicable").GetString(),
                Is.EqualTo(
                    "this GET setup sends only its mapped query parameters, and none is a field the rule varies (map one with --query; 'callhooks list --fields myoperator-incall' lists the fields)"
                )
            );
    }

    private static Dictionary<string, JsonElement> Rules(CliRun run)
    {
        using var results = JsonDocument.Parse(run.File("results.json"));
        return results
            .RootElement.GetProperty("scenarios")[0]
            .GetProperty("rules")
            .EnumerateArray()
            .ToDictionary(rule => rule.GetProperty("id").GetString()!, rule => rule.Clone());
    }
}
