using System.Text;
using CallHooks.Conformance.Calls;
using CallHooks.Conformance.Scenarios;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Scenarios;

/// <summary>Loading scenario files: every problem is reported with file:line:column and says what is wrong.</summary>
public sealed class ScenarioLoaderTests
{
    private const string Valid = """
        {
          "name": "demo",
          "provider": "myoperator-incall",
          "call": { "type": "incoming", "outcome": "connected" },
          "events": [
            { "event": "1" },
            { "event": "2", "after": "1.5s", "set": { "status": "3" }, "unset": ["job_id"], "expect": { "status": ["200", "204"], "within": "800ms" } }
          ],
          "expect": { "bodyContains": "ok" }
        }
        """;

    [Test]
    public void A_valid_file_becomes_a_scenario()
    {
        var scenario = LoadOk(Valid);
        Assert.Multiple(() =>
        {
            Assert.That(scenario.Name, Is.EqualTo("demo"));
            Assert.That(scenario.CallType, Is.EqualTo(CallType.Incoming));
            Assert.That(scenario.Outcome, Is.EqualTo(CallOutcome.Connected));
            Assert.That(scenario.Steps.Select(step => step.Event), Is.EqualTo(new[] { "1", "2" }));
            Assert.That(scenario.Steps[1].After, Is.EqualTo(TimeSpan.FromMilliseconds(1500)));
            Assert.That(scenario.Steps[1].Set["status"]!.GetValue<string>(), Is.EqualTo("3"));
            Assert.That(scenario.Steps[1].Unset, Is.EqualTo(new[] { "job_id" }));
            Assert.That(scenario.Steps[1].Expect.Status!.Terms, Is.EqualTo(new[] { "200", "204" }));
            Assert.That(scenario.Steps[1].Expect.Within, Is.EqualTo(TimeSpan.FromMilliseconds(800)));
            Assert.That(scenario.Expect.BodyContains, Is.EqualTo("ok"));
        });
    }

    [Test]
    public void Every_shipped_scenario_loads()
    {
        var library = ScenarioLibrary.LoadDirectory(RepoPaths.Scenarios);
        Assert.That(library.Errors, Is.Empty, () => string.Join("\n", library.Errors));
        Assert.That(
            library.Scenarios.Select(scenario => scenario.Name),
            Is.SupersetOf(
                new[] { "incoming-answered", "incoming-missed", "obd-no-answer", "click-to-call-rejected", "click-to-call-no-answer" }
            )
        );
    }

    [TestCase("incoming-answered", new[] { "1", "5", "6", "2" })]
    [TestCase("obd-no-answer", new[] { "4", "2" })]
    [TestCase("click-to-call-rejected", new[] { "3", "7", "2" })]
    [TestCase("click-to-call-no-answer", new[] { "3", "9", "2" })]
    public void Shipped_scenarios_follow_the_documented_call_state_sequences(string name, string[] states) =>
        Assert.That(Fixtures.Scenario(name).Steps.Select(step => step.Event), Is.EqualTo(states));

    [Test]
    public void Broken_json_is_located()
    {
        var error = SingleError("{\n  \"name\": \"demo\",\n  \"provider\": \n}");
        Assert.That(error, Does.StartWith("demo.json:4:1: invalid JSON: "));
    }

    [Test]
    public void A_misspelled_property_is_located_at_its_name()
    {
        var (_, errors) = ScenarioLoader.Load(
            "demo.json",
            Encoding.UTF8.GetBytes(Valid.Replace("{ \"event\": \"1\" }", "{ \"evnt\": \"1\" }", StringComparison.Ordinal))
        );
        Assert.That(
            errors.Select(error => error.ToString()),
            Is.EqualTo(
                new[]
                {
                    "demo.json:6:5: missing required property 'event' (at /events/0)",
                    "demo.json:6:7: unknown property 'evnt' (at /events/0/evnt)",
                }
            )
        );
    }

    [Test]
    public void A_wrong_type_is_located_at_the_value()
    {
        var error = SingleError(Valid.Replace("\"after\": \"1.5s\"", "\"after\": 15", StringComparison.Ordinal));
        Assert.That(error, Is.EqualTo("demo.json:7:30: expected string, got number (at /events/1/after)"));
    }

    [Test]
    public void An_unknown_call_type_lists_the_known_ones()
    {
        var error = SingleError(Valid.Replace("\"incoming\"", "\"phone\"", StringComparison.Ordinal));
        Assert.That(error, Does.Contain("incoming, obd, click-to-call"));
        Assert.That(error, Does.StartWith("demo.json:4:21: "));
    }

    [Test]
    public void An_event_the_provider_does_not_have_is_named()
    {
        var error = SingleError(Valid.Replace("{ \"event\": \"1\" }", "{ \"event\": \"8\" }", StringComparison.Ordinal));
        Assert.That(error, Does.StartWith("demo.json:6:16: '8' is not a myoperator-incall event; it has: 1 (incoming call on server"));
    }

    [Test]
    public void A_bad_duration_is_named()
    {
        var error = SingleError(Valid.Replace("\"1.5s\"", "\"1.5 seconds\"", StringComparison.Ordinal));
        Assert.That(
            error,
            Is.EqualTo(
                "demo.json:7:30: '1.5 seconds' is not a duration: use a number and a unit, e.g. 250ms, 5s, 1.5s, 2m (at /events/1/after)"
            )
        );
    }

    [Test]
    public void A_bad_status_term_is_named()
    {
        var error = SingleError(Valid.Replace("\"204\"", "\"2xxx\"", StringComparison.Ordinal));
        Assert.That(error, Does.Contain("/events/1/expect/status"));
        Assert.That(error, Does.Contain("demo.json:7:"));
    }

    [Test]
    public void A_bad_regular_expression_is_named()
    {
        var error = SingleError(Valid.Replace("\"bodyContains\": \"ok\"", "\"bodyMatches\": \"([a-\"", StringComparison.Ordinal));
        Assert.That(error, Does.StartWith("demo.json:9:30: not a valid regular expression: "));
    }

    [Test]
    public void Missing_required_properties_are_all_reported()
    {
        var (scenario, errors) = ScenarioLoader.Load("demo.json", Encoding.UTF8.GetBytes("{ \"name\": \"demo\" }"));
        Assert.That(scenario, Is.Null);
        var text = string.Join("\n", errors);
        Assert.That(text, Does.Contain("'provider'").And.Contain("'call'").And.Contain("'events'"));
    }

    [Test]
    public void A_missing_file_and_a_folder_are_reported_plainly()
    {
        Assert.That(
            ScenarioLoader.LoadFile("/no/such/file.json").Errors.Single().ToString(),
            Is.EqualTo("/no/such/file.json: file not found")
        );
        Assert.That(
            ScenarioLoader.LoadFile(RepoPaths.Scenarios).Errors.Single().Message,
            Is.EqualTo("is a directory, not a scenario file")
        );
    }

    [Test]
    public void Two_files_defining_the_same_scenario_clash()
    {
        var folder = Directory.CreateTempSubdirectory("callhooks-clash-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "a.json"), Valid);
            File.WriteAllText(Path.Combine(folder, "b.json"), Valid);
            var library = ScenarioLibrary.LoadDirectory(folder);
            Assert.That(library.Scenarios, Has.Count.EqualTo(1));
            Assert.That(
                library.Errors.Single().ToString(),
                Does.EndWith("scenario 'myoperator-incall/demo' is already defined in " + Path.Combine(folder, "a.json"))
            );
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestCase("250ms", 250)]
    [TestCase("5s", 5000)]
    [TestCase("1.5s", 1500)]
    [TestCase("2m", 120_000)]
    public void Durations_parse(string text, int milliseconds)
    {
        Assert.That(DurationText.TryParse(text, out var value, out _), Is.True);
        Assert.That(value.TotalMilliseconds, Is.EqualTo(milliseconds));
    }

    [TestCase("5")]
    [TestCase("5 s")]
    [TestCase("-1s")]
    [TestCase("1d")]
    [TestCase("25h")]
    [TestCase("")]
    public void Bad_durations_are_refused(string text) => Assert.That(DurationText.TryParse(text, out _, out _), Is.False);

    private static Scenario LoadOk(string json)
    {
        var (scenario, errors) = ScenarioLoader.Load("demo.json", Encoding.UTF8.GetBytes(json));
        Assert.That(errors, Is.Empty, () => string.Join("\n", errors));
        return scenario!;
    }

    private static string SingleError(string json)
    {
        var (scenario, errors) = ScenarioLoader.Load("demo.json", Encoding.UTF8.GetBytes(json));
        Assert.That(scenario, Is.Null);
        Assert.That(errors, Has.Count.EqualTo(1), () => string.Join("\n", errors));
        return errors[0].ToString();
    }
}
