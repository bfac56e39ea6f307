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
        select new TestCaseData(scenario.Provider, scenario.Name, method, encoding).SetName($"Golden_{scenario.Provider}_{scenario.Name}_{method}_{encoding}");

    [TestCaseSource(nameof(Cases))]
    public void Wire_bytes_match_the_approved_golden_file(string provider, string scenarioName, string method, string encoding)
    {
        var scenario = ScenarioLibrary.LoadDirectory(RepoPaths.Scenarios).Scenarios.Single(s => s.Provider == provider && s.Name == scenarioName);
        var profile = ProviderCatalog.Find(provider)!;
        var call = CallGenerator.Generate(scenario, Fixtures.Seed, Fixtures.Now);
        var config = GoldenConfig(profile, method, encoding);
        var actual = new StringBuilder();
        var eventTime = call.StartedAt;
        for (var index = 0; index < scenario.Steps.Count; index++)
        {
            eventTime += scenario.Steps[index].After;
            var request = profile.Build(new StepContext(call, scenario.Steps[index], index, eventTime), config);
            actual.Append(Encoding.UTF8.GetString(RawHttpRenderer.Render(request))).Append("\r\n\r\n");
        }

        var path = Path.Combine(RepoPaths.Golden, provider, $"{scenarioName}.{method.ToLowerInvariant()}-{encoding}.http");
        if (Environment.GetEnvironmentVariable("CALLHOOKS_APPROVE") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual.ToString());
        }

        Assert.That(File.Exists(path), Is.True, $"no approved golden file {path}; run with CALLHOOKS_APPROVE=1 and review it");
        Assert.That(actual.ToString(), Is.EqualTo(File.ReadAllText(path)));
    }

    /// <summary>
    /// The same panel configuration for every profile: a secret header, Basic auth, the first two mappable query
    /// fields and a signing secret, so the golden files show every part of a request each profile can carry.
    /// </summary>
    private static WebhookConfig GoldenConfig(IProviderProfile profile, string method, string encoding) => new()
    {
        Target = Fixtures.Target,
        Method = method,
        Encoding = encoding == "none" ? null : encoding,
        Headers = [new HeaderSpec("my-super-secret-token", "abc123def")],
        Basic = new BasicCredentials("admin", "123456"),
        Secret = "golden-secret-12345",
        Query = profile.QueryFields.Where(field => !field.Id.Contains(':', StringComparison.Ordinal)).Take(2)
            .Select(field => new QueryMapping("q_" + field.Id.Replace('.', '_'), field.Id)).ToList(),
    };
}
