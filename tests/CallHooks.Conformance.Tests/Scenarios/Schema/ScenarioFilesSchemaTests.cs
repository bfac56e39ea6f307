using System.Text.Json;
using CallHooks.Conformance.Scenarios.Schema;

namespace CallHooks.Conformance.Tests.Scenarios.Schema;

public sealed class ScenarioFilesSchemaTests
{
    private static readonly string ScenariosDir = Path.Combine(RepoRoot.Find(), "scenarios");

    public static IEnumerable<TestCaseData> ScenarioFiles() =>
        Directory
            .EnumerateFiles(ScenariosDir, "*.json", SearchOption.AllDirectories)
            .Where(path => !path.EndsWith(".schema.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path =>
                new TestCaseData(Path.GetRelativePath(ScenariosDir, path)).SetArgDisplayNames(Path.GetRelativePath(ScenariosDir, path))
            );

    [Test]
    public void ThereAreScenarioFilesToCheck()
    {
        Assert.That(ScenarioFiles().Count(), Is.GreaterThan(0));
    }

    [TestCaseSource(nameof(ScenarioFiles))]
    public void CommittedScenarioValidatesAgainstCommittedSchema(string relativePath)
    {
        var schema = JsonSchema.Parse(File.ReadAllText(Path.Combine(ScenariosDir, "scenario.schema.json")));
        var bytes = File.ReadAllBytes(Path.Combine(ScenariosDir, relativePath));
        using var document = JsonDocument.Parse(bytes);
        var map = JsonPositionMap.Build(bytes);

        // Shown as file:line:column so a failure here reads like the CLI's own report.
        var problems = schema
            .Validate(document.RootElement)
            .Select(v => (v, map.Locate(v.Pointer)))
            .Select(p => $"{relativePath}:{p.Item2.Line}:{p.Item2.Column}: {p.v.Message}")
            .ToList();

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void ABrokenScenarioIsReportedWithPositions()
    {
        var schema = JsonSchema.Parse(File.ReadAllText(Path.Combine(ScenariosDir, "scenario.schema.json")));
        const string text = """
            {
              "name": "Bad Name",
              "provider": "myoperator-incall",
              "call": { "type": "phone", "outcome": "connected", "agents": 0 },
              "events": [
                { "event": "1" },
                { "evnt": "5", "after": "5 s" }
              ],
              "expect": { "status": 200 }
            }
            """;
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        using var document = JsonDocument.Parse(bytes);
        var map = JsonPositionMap.Build(bytes);

        var report = schema
            .Validate(document.RootElement)
            .Select(v =>
            {
                var (line, column) = v.Message.StartsWith("unknown property", StringComparison.Ordinal)
                    ? map.LocateProperty(v.Pointer)
                    : map.Locate(v.Pointer);
                return $"{line}:{column}: {v.Message}";
            })
            .ToList();

        Assert.That(
            report,
            Is.EqualTo(
                new[]
                {
                    "2:11: 'Bad Name' does not match pattern ^[a-z0-9]+(-[a-z0-9]+)*$",
                    "4:21: 'phone' is not one of: incoming, obd, click-to-call",
                    "4:64: 0 is less than the minimum of 1",
                    "7:5: missing required property 'event'",
                    "7:7: unknown property 'evnt'",
                    "7:29: '5 s' does not match pattern ^\\d{1,9}(\\.\\d{1,3})?(ms|s|m|h)$",
                    "9:25: expected string or array, got number",
                }
            )
        );
    }
}
