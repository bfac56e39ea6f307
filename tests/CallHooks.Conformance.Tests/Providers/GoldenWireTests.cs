using System.Text;
using CallHooks.Conformance.Generation;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Providers.MyOperatorInCall;
using CallHooks.Conformance.Tests.Support;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Tests.Providers;

/// <summary>
/// The exact bytes of every event of every MyOperator scenario, for GET, POST form and POST JSON, under a fixed
/// seed and clock, compared with approved golden files. Set CALLHOOKS_APPROVE=1 to write them after a deliberate
/// change, then review the diff against the provider documents before committing.
/// </summary>
public sealed class GoldenWireTests
{
    private static readonly (string Method, string Encoding)[] Variants = [("GET", "none"), ("POST", "form"), ("POST", "json")];

    public static IEnumerable<TestCaseData> Cases() =>
        from scenario in Directory.EnumerateFiles(Path.Combine(RepoPaths.Scenarios, "myoperator"), "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)
        from variant in Variants
        select new TestCaseData(scenario!, variant.Method, variant.Encoding).SetName($"Golden_{scenario}_{variant.Method}_{variant.Encoding}");

    [TestCaseSource(nameof(Cases))]
    public void Wire_bytes_match_the_approved_golden_file(string scenarioName, string method, string encoding)
    {
        var scenario = Fixtures.Scenario(scenarioName);
        var call = CallGenerator.Generate(scenario, Fixtures.Seed, Fixtures.Now);
        var config = Fixtures.Config(method, encoding == "none" ? "form" : encoding) with { Encoding = encoding == "none" ? null : encoding };
        var profile = new MyOperatorInCallProfile();
        var actual = new StringBuilder();
        var eventTime = call.StartedAt;
        for (var index = 0; index < scenario.Steps.Count; index++)
        {
            eventTime += scenario.Steps[index].After;
            var request = profile.Build(new StepContext(call, scenario.Steps[index], index, eventTime), config);
            actual.Append(Encoding.UTF8.GetString(RawHttpRenderer.Render(request))).Append("\r\n\r\n");
        }

        var path = Path.Combine(RepoPaths.Golden, "myoperator-incall", $"{scenarioName}.{method.ToLowerInvariant()}-{encoding}.http");
        if (Environment.GetEnvironmentVariable("CALLHOOKS_APPROVE") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual.ToString());
        }

        Assert.That(File.Exists(path), Is.True, $"no approved golden file {path}; run with CALLHOOKS_APPROVE=1 and review it");
        Assert.That(actual.ToString(), Is.EqualTo(File.ReadAllText(path)));
    }
}
