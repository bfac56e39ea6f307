using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Scenarios;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>Finds the scenarios a run plays: by name from the library, or from files the user names.</summary>
internal static class ScenarioSelection
{
    /// <summary>The scenario folder: the one given, else ./scenarios, else the suite shipped beside the executable.</summary>
    public static string Folder(string? given)
    {
        if (given is not null)
            return given;
        var local = Path.Combine(Environment.CurrentDirectory, "scenarios");
        return File.Exists(Path.Combine(local, ScenarioLibrary.SchemaFileName))
            ? local
            : Path.Combine(AppContext.BaseDirectory, "scenarios");
    }

    public static IReadOnlyList<Scenario> Select(
        string? folder,
        IReadOnlyList<IProviderProfile> providers,
        IReadOnlyList<string> requested,
        List<string> problems
    )
    {
        var library = ScenarioLibrary.LoadDirectory(Folder(folder));
        problems.AddRange(library.Errors.Select(error => error.ToString()));
        var names = providers.Select(profile => profile.Name).ToHashSet(StringComparer.Ordinal);
        var available = library.Scenarios.Where(scenario => names.Contains(scenario.Provider)).ToList();
        if (requested.Count == 0)
        {
            // With no known provider at all, the --provider problem already says everything.
            if (available.Count == 0 && library.Errors.Count == 0 && names.Count > 0)
                problems.Add($"no scenarios for {string.Join(", ", names)} in {Folder(folder)}");
            return available;
        }

        var selected = new List<Scenario>();
        foreach (var request in requested.Distinct(StringComparer.Ordinal))
        {
            if (
                request.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                || request.Contains('/', StringComparison.Ordinal)
                || request.Contains('\\', StringComparison.Ordinal)
            )
            {
                var (scenario, errors) = ScenarioLoader.LoadFile(request);
                problems.AddRange(errors.Select(error => error.ToString()));
                if (scenario is not null)
                    selected.Add(scenario);
                continue;
            }

            var matches = available.Where(scenario => scenario.Name == request).ToList();
            if (matches.Count == 0)
                problems.Add(
                    $"--scenario '{request}': unknown scenario for {string.Join(", ", names)}; known: {string.Join(", ", available.Select(s => s.Name))}"
                );
            selected.AddRange(matches);
        }

        return selected;
    }
}
