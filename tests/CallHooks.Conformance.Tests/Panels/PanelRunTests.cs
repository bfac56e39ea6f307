using System.Text.Json;
using CallHooks.Conformance.Listener;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Panels;

/// <summary>
/// A panel file end to end over loopback: each event goes to the webhooks subscribed to it, against a listener that
/// serves exactly the panel's routes and refuses an event sent to the wrong one.
/// </summary>
public sealed class PanelRunTests
{
    private static readonly string[] Fixed = ["--seed", "42", "--now", "2026-01-15T09:30:00Z"];

    private static readonly HashSet<string> InCallStates = ["1", "2", "3", "4", "5", "6", "7", "9"];

    private static string Write(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), "callhooks-panel-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }

    private static string MyOperatorPanel(string inCallUrl, string afterCallUrl) =>
        Write(
            $$"""
            // The CRM has one route per MyOperator webhook.
            {
              "webhooks": [
                { "name": "in-call", "provider": "myoperator-aftercall", "events": ["in-call"], "url": "{{inCallUrl}}", "basic": "env:HOOK_BASIC" },
                { "name": "after-call", "provider": "myoperator-aftercall", "events": ["after-call"], "url": "{{afterCallUrl}}", "basic": "env:HOOK_BASIC" }
              ]
            }
            """
        );

    private static readonly Dictionary<string, string> Environment = new(StringComparer.Ordinal) { ["HOOK_BASIC"] = "crm:hook-pass-42" };

    /// <summary>A CRM listener with exactly the routes /in_call and /after_call, Basic protected.</summary>
    private static Task<ReferenceListener> MyOperatorCrmAsync() =>
        ReferenceListener.StartAsync(
            new ListenerOptions
            {
                Routes =
                [
                    new ListenerRoute
                    {
                        Path = "/in_call",
                        Provider = "myoperator-aftercall",
                        Events = InCallStates,
                        BasicUser = "crm",
                        BasicPassword = "hook-pass-42",
                    },
                    new ListenerRoute
                    {
                        Path = "/after_call",
                        Provider = "myoperator-aftercall",
                        Events = new HashSet<string> { "after-call" },
                        BasicUser = "crm",
                        BasicPassword = "hook-pass-42",
                    },
                ],
            }
        );

    [Test]
    public async Task A_two_webhook_MyOperator_panel_runs_green_against_a_listener_with_exactly_those_routes()
    {
        await using var crm = await MyOperatorCrmAsync();
        var panel = MyOperatorPanel("/in_call", "/after_call");
        var run = await CliRun.InvokeWithEnvironmentAsync(
            Environment,
            ["run", "--panel", panel, "--target", crm.BaseUrl.AbsoluteUri, "--suite", "all", .. Fixed]
        );
        Assert.That(run.ExitCode, Is.Zero, run.ToString);
        using var results = JsonDocument.Parse(run.File("results.json"));
        var deliveries = results
            .RootElement.GetProperty("scenarios")
            .EnumerateArray()
            .SelectMany(scenario => scenario.GetProperty("deliveries").EnumerateArray())
            .ToList();
        var both = results
            .RootElement.GetProperty("scenarios")
            .EnumerateArray()
            .Single(scenario => scenario.GetProperty("name").GetString() == "incoming-answered-in-call-then-after-call");
        Assert.Multiple(() =>
        {
            Assert.That(
                deliveries.Select(d =>
                    (d.GetProperty("event").GetString(), new Uri(d.GetProperty("request").GetProperty("url").GetString()!).AbsolutePath)
                ),
                Is.All.Matches<(string? Event, string Path)>(d => d.Path == (d.Event == "after-call" ? "/after_call" : "/in_call")),
                "each event went to the route of its webhook"
            );
            Assert.That(
                both.GetProperty("deliveries").EnumerateArray().Select(d => d.GetProperty("webhook").GetString()),
                Is.EqualTo(new[] { "in-call", "in-call", "in-call", "in-call", "after-call" })
            );
            Assert.That(
                results
                    .RootElement.GetProperty("webhooks")
                    .EnumerateArray()
                    .Select(w => w.GetProperty("name").GetString() + " " + w.GetProperty("status").GetString()),
                Is.EqualTo(new[] { "in-call passed", "after-call passed" })
            );
            Assert.That(
                run.Out + run.Error + run.File("results.json"),
                Does.Not.Contain("hook-pass-42"),
                "the env: secret is never written out"
            );
        });
    }

    [Test]
    public async Task A_panel_that_routes_In_Call_states_to_the_After_Call_route_fails_naming_the_wrong_webhook()
    {
        await using var crm = await MyOperatorCrmAsync();
        var swapped = MyOperatorPanel("/after_call", "/in_call");
        var run = await CliRun.InvokeWithEnvironmentAsync(
            Environment,
            [
                "run",
                "--panel",
                swapped,
                "--target",
                crm.BaseUrl.AbsoluteUri,
                "--scenario",
                "incoming-answered-in-call-then-after-call",
                .. Fixed,
            ]
        );
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);
            Assert.That(
                run.File("results.json"),
                Does.Contain("/after_call receives after-call; this request is 1: it was sent to the wrong webhook")
            );
        });
    }

    [Test]
    public async Task A_four_webhook_voipappz_panel_runs_green_and_events_without_a_webhook_are_skipped_by_configuration()
    {
        string[] events = ["Call:Ringing", "Call:Answer", "Call:Hangup", "Call:Reporting"];
        await using var crm = await ReferenceListener.StartAsync(
            new ListenerOptions
            {
                Routes = events
                    .Select(id => new ListenerRoute
                    {
                        Path = "/voipappz/" + id[5..].ToLowerInvariant(),
                        Provider = "voipappz",
                        Events = new HashSet<string> { id },
                    })
                    .ToList(),
            }
        );
        var panel = Write(
            "{ \"webhooks\": ["
                + string.Join(
                    ",",
                    events.Select(id =>
                        $"{{ \"name\": \"{id[5..].ToLowerInvariant()}\", \"provider\": \"voipappz\", \"events\": [\"{id}\"], \"url\": \"/voipappz/{id[5..].ToLowerInvariant()}\" }}"
                    )
                )
                + "] }"
        );
        var run = await CliRun.InvokeAsync(["run", "--panel", panel, "--target", crm.BaseUrl.AbsoluteUri, "--suite", "all", .. Fixed]);
        Assert.That(run.ExitCode, Is.Zero, run.ToString);
        using var results = JsonDocument.Parse(run.File("results.json"));
        var ivr = results
            .RootElement.GetProperty("scenarios")
            .EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == "incoming-ivr");
        Assert.Multiple(() =>
        {
            Assert.That(
                ivr.GetProperty("skipped").EnumerateArray().Select(s => s.GetProperty("reason").GetString()),
                Is.EqualTo(
                    new[]
                    {
                        "skipped by configuration: no webhook in the panel is subscribed to Ivr:Start",
                        "skipped by configuration: no webhook in the panel is subscribed to Ivr:End",
                    }
                )
            );
            Assert.That(
                results.RootElement.GetProperty("webhooks").EnumerateArray().Select(w => w.GetProperty("deliveries").GetInt32()),
                Is.All.Positive
            );
            Assert.That(
                run.Out,
                Does.Contain("security: nothing to check: no credentials (--header, --basic) or signing (--secret) are configured"),
                "the suite was asked for; what is missing is something to check"
            );
        });
    }

    [Test]
    public async Task What_a_call_caused_in_the_CRM_is_judged_once_with_its_first_webhook()
    {
        // Two webhooks receive every In-Call state: the call still makes one CRM push, judged once.
        var panel = Write(
            """
            { "webhooks": [
              { "name": "crm", "provider": "myoperator-incall", "events": ["*"], "url": "/crm_hook" },
              { "name": "copy", "provider": "myoperator-incall", "events": ["*"], "url": "/copy_hook" }
            ] }
            """
        );
        var run = await CliRun.InvokeAsync([
            "run",
            "--panel",
            panel,
            "--downstream-port",
            "0",
            "--scenario",
            "incoming-answered",
            .. Fixed,
        ]);
        using var results = JsonDocument.Parse(run.File("results.json"));
        var crm = results
            .RootElement.GetProperty("scenarios")[0]
            .GetProperty("rules")
            .EnumerateArray()
            .Where(rule => rule.GetProperty("id").GetString() is "SIDE-003" or "CRM-001")
            .Select(rule =>
                $"{rule.GetProperty("id").GetString()} {rule.GetProperty("webhook").GetString()} {rule.GetProperty("status").GetString()} {rule.GetProperty("notApplicable").GetString()}".TrimEnd()
            )
            .ToList();
        Assert.That(
            crm,
            Is.EquivalentTo(
                new[]
                {
                    "SIDE-003 crm passed",
                    "CRM-001 crm passed",
                    "SIDE-003 copy n/a judged once per call, with its first webhook's results",
                    "CRM-001 copy n/a judged once per call, with its first webhook's results",
                }
            ),
            run.ToString
        );
    }

    [Test]
    public async Task An_event_two_webhooks_are_subscribed_to_is_delivered_to_each_in_panel_order()
    {
        var panel = Write(
            """
            { "webhooks": [
              { "name": "crm", "provider": "voipappz", "events": ["*"], "url": "/voipappz/crm" },
              { "name": "audit", "provider": "voipappz", "events": ["Call:Hangup"], "url": "/voipappz/audit" }
            ] }
            """
        );
        var run = await CliRun.InvokeAsync(["run", "--panel", panel, "--scenario", "incoming-answered", .. Fixed]);
        using var results = JsonDocument.Parse(run.File("results.json"));
        var deliveries = results
            .RootElement.GetProperty("scenarios")[0]
            .GetProperty("deliveries")
            .EnumerateArray()
            .Select(d => d.GetProperty("event").GetString() + " -> " + d.GetProperty("webhook").GetString())
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString);
            Assert.That(
                deliveries,
                Is.EqualTo(
                    new[]
                    {
                        "Call:Ringing -> crm",
                        "Call:Answer -> crm",
                        "Call:Hangup -> crm",
                        "Call:Hangup -> audit",
                        "Call:Reporting -> crm",
                    }
                )
            );
        });
    }

    [Test]
    public async Task A_scenario_no_webhook_receives_is_skipped_never_passed_and_the_run_says_so()
    {
        var panel = Write(
            """{ "webhooks": [ { "name": "ivr", "provider": "voipappz", "events": ["Ivr:Start", "Ivr:End"], "url": "/voipappz/ivr" } ] }"""
        );
        var run = await CliRun.InvokeAsync(["run", "--panel", panel, .. Fixed]);
        using var results = JsonDocument.Parse(run.File("results.json"));
        var statuses = results
            .RootElement.GetProperty("scenarios")
            .EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("status").GetString());
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString);
            Assert.That(statuses["incoming-ivr"], Is.EqualTo("passed"));
            Assert.That(statuses.Where(s => s.Key != "incoming-ivr").Select(s => s.Value), Is.All.EqualTo("skipped"));
            Assert.That(results.RootElement.GetProperty("summary").GetProperty("passed").GetInt32(), Is.EqualTo(1));
            Assert.That(results.RootElement.GetProperty("summary").GetProperty("failed").GetInt32(), Is.Zero);
            Assert.That(results.RootElement.GetProperty("summary").GetProperty("skipped").GetInt32(), Is.EqualTo(6));
            Assert.That(run.Out, Does.Contain("SKIP voipappz/incoming-answered").And.Contain("6 skipped by configuration"));
            Assert.That(run.File("report.md"), Does.Contain("all 1 sent scenario passed, 6 skipped by configuration"));
            Assert.That(
                run.File("junit.xml"),
                Does.Contain("skipped=\"6\"")
                    .And.Contain("<skipped message=\"skipped by configuration: no webhook in the panel is subscribed to Call:Ringing\"")
            );
        });
    }

    [Test]
    public async Task The_panel_describes_each_webhook_so_the_one_webhook_options_are_refused_beside_it()
    {
        var panel = MyOperatorPanel("/in_call", "/after_call");
        var run = await CliRun.InvokeWithEnvironmentAsync(
            Environment,
            ["run", "--panel", panel, "--method", "GET", "--option", "clid=e164"]
        );
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(
                run.Error,
                Does.Contain(
                    $"--method: the panel file {panel} describes each webhook; set it there (or run with --panel none to use the options)"
                )
            );
            Assert.That(run.Error, Does.Contain("--option: the panel file"));
        });
    }

    [Test]
    public async Task An_unset_env_secret_stops_the_run_before_anything_is_sent_with_its_position()
    {
        var panel = MyOperatorPanel("/in_call", "/after_call");
        var run = await CliRun.InvokeAsync(["run", "--panel", panel, .. Fixed]);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(
                run.Error,
                Does.Contain($"{panel}:4:113: env:HOOK_BASIC: the environment variable HOOK_BASIC is not set (at /webhooks/0/basic)")
            );
            Assert.That(Directory.Exists(run.OutDirectory), Is.False, "nothing ran, nothing was written");
        });
    }

    [Test]
    public async Task Init_into_a_folder_that_does_not_exist_exits_2_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), "callhooks-none-" + Guid.NewGuid().ToString("N"), "deeper", "callhooks.json");
        var init = await CliRun.InvokeAsync(["init", "--provider", "voipappz", "--out", missing]);
        Assert.Multiple(() =>
        {
            Assert.That(init.ExitCode, Is.EqualTo(2));
            Assert.That(init.Error, Does.Contain($"--out {missing}: cannot write there:"));
        });
    }

    [TestCase("myoperator-incall")]
    [TestCase("myoperator-aftercall")]
    [TestCase("myoperator-v2")]
    [TestCase("acefone")]
    [TestCase("voipappz")]
    [TestCase("twilio")]
    public async Task Init_writes_a_starter_panel_that_runs_green_against_the_embedded_listener(string provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "callhooks-init-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var panel = Path.Combine(folder, "callhooks.json");
        var init = await CliRun.InvokeAsync(["init", "--provider", provider, "--out", panel]);
        var again = await CliRun.InvokeAsync(["init", "--provider", provider, "--out", panel]);
        var run = await CliRun.InvokeAsync(["run", "--panel", panel, .. Fixed]);
        Assert.Multiple(() =>
        {
            Assert.That(init.ExitCode, Is.Zero, init.ToString);
            Assert.That(File.ReadAllText(panel), Does.StartWith("// callhooks panel file: " + provider));
            Assert.That(
                File.ReadAllText(Path.Combine(folder, "callhooks.schema.json")),
                Is.EqualTo(Conformance.Panels.PanelFile.SchemaText())
            );
            Assert.That(again.ExitCode, Is.EqualTo(2));
            Assert.That(again.Error, Does.Contain($"{panel} exists; add --force to overwrite it"));
            Assert.That(run.ExitCode, Is.Zero, run.ToString);
        });
    }
}
