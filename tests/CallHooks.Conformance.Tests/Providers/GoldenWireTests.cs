using System.Text;
using CallHooks.Conformance.Generation;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Scenarios;
using CallHooks.Conformance.Tests.Support;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Tests.Providers;

/// <summary>
/// The exact bytes of every event of every shipped scenario, for each method and encoding its profile supports,
/// under a fixed seed and clock, compared with approved golden files (Golden/&lt;provider&gt;/&lt;scenario&gt;.&lt;method&gt;-&lt;encoding&gt;.http).
/// Set CALLHOOKS_APPROVE=1 to write them after a deliberate change, then check the diff against the provider
/// documents field by field before committing: a snapshot alone proves only that nothing changed.
/// </summary>
public sealed class GoldenWireTests
{
    public static IEnumerable<TestCaseData> Cases() =>
        from scenario in ScenarioLibrary.LoadDirectory(RepoPaths.Scenarios).Scenarios
        let profile = ProviderCatalog.Find(scenario.Provider)!
        from method in profile.Methods
        from encoding in method == "GET" ? ["none"] : profile.Encodings
        orderby scenario.Provider, scenario.Name, method, encoding
        select new TestCaseData(scenario.Provider, scenario.Name, method, encoding).SetName(
            $"Golden_{scenario.Provider}_{scenario.Name}_{method}_{encoding}"
        );

    [TestCaseSource(nameof(Cases))]
    public void Wire_bytes_match_the_approved_golden_file(string provider, string scenarioName, string method, string encoding)
    {
        var scenario = ScenarioLibrary
            .LoadDirectory(RepoPaths.Scenarios)
            .Scenarios.Single(s => s.Provider == provider && s.Name == scenarioName);
        var profile = ProviderCatalog.Find(provider)!;
        var actual = Render(profile, scenario, GoldenConfig(profile, method, encoding));

        var path = Path.Combine(RepoPaths.Golden, provider, $"{scenarioName}.{method.ToLowerInvariant()}-{encoding}.http");
        if (Environment.GetEnvironmentVariable("CALLHOOKS_APPROVE") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
        }

        Assert.That(File.Exists(path), Is.True, $"no approved golden file {path}; run with CALLHOOKS_APPROVE=1 and review it");
        Assert.That(actual, Is.EqualTo(File.ReadAllText(path)));
    }

    public static IEnumerable<TestCaseData> ReadingCases() =>
        from profile in ProviderCatalog.All
        from reading in profile.Readings
        from choice in reading.Choices
        where choice.Value != reading.Default
        orderby profile.Name, reading.Id, choice.Value
        select new TestCaseData(profile.Name, reading.Id, choice.Value).SetName(
            $"Golden_{profile.Name}_reading_{reading.Id}={choice.Value}"
        );

    /// <summary>
    /// Each reading's other choices, on the first shipped scenario and method whose bytes they change (a choice that changes
    /// no byte of any scenario is a bug): Golden/&lt;provider&gt;/readings/&lt;reading&gt;=&lt;choice&gt;.&lt;scenario&gt;.&lt;method&gt;.http,
    /// the profile's default method tried first.
    /// </summary>
    [TestCaseSource(nameof(ReadingCases))]
    public void A_readings_choice_changes_the_bytes_as_its_approved_golden_file_shows(string provider, string readingId, string choice)
    {
        var profile = ProviderCatalog.Find(provider)!;
        var scenarios = ScenarioLibrary
            .LoadDirectory(RepoPaths.Scenarios)
            .Scenarios.Where(scenario => scenario.Provider == provider)
            .OrderBy(scenario => scenario.Name, StringComparer.Ordinal)
            .ToList();
        var changed = (
            from method in profile.Methods.OrderBy(method => method == profile.DefaultMethod ? 0 : 1)
            let baseConfig = GoldenConfig(profile, method, method == "GET" ? "none" : profile.DefaultEncoding)
            let chosen = baseConfig with
            {
                Options = new Dictionary<string, string>(StringComparer.Ordinal) { [readingId] = choice },
            }
            from scenario in scenarios
            let bytes = Render(profile, scenario, chosen)
            where bytes != Render(profile, scenario, baseConfig)
            select (Scenario: scenario, Method: method, Bytes: bytes)
        ).FirstOrDefault();
        Assert.That(changed.Scenario, Is.Not.Null, $"--option {readingId}={choice} changes no byte of any shipped {provider} scenario");

        var path = Path.Combine(
            RepoPaths.Golden,
            provider,
            "readings",
            $"{readingId}={choice}.{changed.Scenario!.Name}.{changed.Method.ToLowerInvariant()}.http"
        );
        if (Environment.GetEnvironmentVariable("CALLHOOKS_APPROVE") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, changed.Bytes);
        }

        Assert.That(File.Exists(path), Is.True, $"no approved golden file {path}; run with CALLHOOKS_APPROVE=1 and review it");
        Assert.That(changed.Bytes, Is.EqualTo(File.ReadAllText(path)));
    }

    private static string Render(IProviderProfile profile, Scenario scenario, WebhookConfig config)
    {
        var call = CallGenerator.Generate(scenario, Fixtures.Seed, Fixtures.Now);
        var text = new StringBuilder();
        var eventTime = call.StartedAt;
        for (var index = 0; index < scenario.Steps.Count; index++)
        {
            eventTime += scenario.Steps[index].After;
            text.Append(
                    Encoding.UTF8.GetString(
                        RawHttpRenderer.Render(profile.Build(new StepContext(call, scenario.Steps[index], index, eventTime), config))
                    )
                )
                .Append("\r\n\r\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// The same panel configuration for every profile: a secret header, Basic auth, the first two mappable query
    /// fields and a signing secret, so the golden files show every part of a request each profile can carry.
    /// </summary>
    private static WebhookConfig GoldenConfig(IProviderProfile profile, string method, string encoding) =>
        new()
        {
            Target = Fixtures.Target,
            Method = method,
            Encoding = encoding == "none" ? null : encoding,
            Headers = [new HeaderSpec("my-super-secret-token", "abc123def")],
            Basic = new BasicCredentials("admin", "123456"),
            Secret = "golden-secret-12345",
            Query = profile
                .QueryFields.Where(field => !field.Id.Contains(':', StringComparison.Ordinal))
                .Take(2)
                .Select(field => new QueryMapping("q_" + field.Id.Replace('.', '_'), field.Id))
                .ToList(),
        };
}
