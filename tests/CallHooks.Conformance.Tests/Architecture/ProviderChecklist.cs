using System.Text.Json.Nodes;
using CallHooks.Conformance.Listener;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Architecture;

/// <summary>
/// What a provider needs besides its profile, as docs/ARCHITECTURE.md lists it: scenarios, the schema's provider enum,
/// a reader in the reference listener, golden wire files, a field table, provider notes and a README row. Each problem
/// names the provider and what it lacks.
/// </summary>
internal static class ProviderChecklist
{
    /// <summary>The In-Call reader serves every path that names no provider, so it has no endpoint of its own.</summary>
    private const string ServedOnEveryOtherPath = "myoperator-incall";

    public static IReadOnlyList<string> Problems(IProviderProfile profile)
    {
        var name = profile.Name;
        var problems = new List<string>();
        if (profile.GetType().GetConstructor(Type.EmptyTypes) is null)
            problems.Add($"{name}: {profile.GetType().Name} has no public parameterless constructor, so ProviderCatalog never finds it");
        var scenarios = Path.Combine(RepoPaths.Scenarios, name);
        if (!Directory.Exists(scenarios) || Directory.GetFiles(scenarios, "*.json").Length == 0)
            problems.Add($"{name}: no scenarios in scenarios/{name}/");
        if (!SchemaProviders().Contains(name))
            problems.Add($"{name}: not in the provider enum of scenarios/scenario.schema.json");
        if (name != ServedOnEveryOtherPath && !ListenerProviders().Contains(name))
            problems.Add(
                $"{name}: no endpoint of the reference listener serves /{name}/ (its requests would fall through to the In-Call reader)"
            );
        var golden = Path.Combine(RepoPaths.Root, "tests", "CallHooks.Conformance.Tests", "Golden", name);
        if (!Directory.Exists(golden) || Directory.GetFiles(golden, "*.http", SearchOption.AllDirectories).Length == 0)
            problems.Add($"{name}: no golden wire files in tests/CallHooks.Conformance.Tests/Golden/{name}/");
        if (profile.Fields.Rows.Count == 0)
            problems.Add($"{name}: its field table is empty");
        if (!File.Exists(Path.Combine(RepoPaths.Root, "docs", "providers", name + ".md")))
            problems.Add($"{name}: no provider notes at docs/providers/{name}.md");
        if (!File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")).Contains($"| `{name}` |", StringComparison.Ordinal))
            problems.Add($"{name}: no row in the README's provider table");
        return problems;
    }

    private static HashSet<string> SchemaProviders()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Scenarios, "scenario.schema.json")))!;
        return schema["properties"]!["provider"]!["enum"]!
            .AsArray()
            .Select(value => value!.GetValue<string>())
            .ToHashSet(StringComparer.Ordinal);
    }

    private static HashSet<string> ListenerProviders() =>
        ProviderEndpoints
            .Create(
                new ListenerOptions(),
                new CallCapacity(1),
                new Conformance.Listener.MyOperatorInCall.DownstreamPusher(null, new ListenerLog(null))
            )
            .Select(endpoint => endpoint.Provider)
            .ToHashSet(StringComparer.Ordinal);
}
