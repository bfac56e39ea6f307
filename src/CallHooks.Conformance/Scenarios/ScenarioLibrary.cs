using CallHooks.Conformance.Input;

namespace CallHooks.Conformance.Scenarios;

/// <summary>All scenario files under a folder (<c>scenarios/&lt;provider&gt;/*.json</c>), loaded and checked together.</summary>
internal sealed record ScenarioLibrary(IReadOnlyList<Scenario> Scenarios, IReadOnlyList<LocatedError> Errors)
{
    public const string SchemaFileName = "scenario.schema.json";

    public static ScenarioLibrary LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
            return new([], [new LocatedError(directory, 0, 0, "scenario folder not found")]);
        var files = FilesUnder(directory);
        return LoadFiles(files);
    }

    /// <summary>
    /// The scenario files under a folder, in path order. Directory links are not followed (a link back up the tree would
    /// walk the same files forever, /proc/self into /), and a folder that cannot be read is skipped, not fatal: the walk
    /// stays inside what the user pointed at.
    /// </summary>
    public static IReadOnlyList<string> FilesUnder(string directory)
    {
        var walk = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
            IgnoreInaccessible = true,
            MatchType = MatchType.Simple,
        };
        return Directory
            .EnumerateFiles(directory, "*.json", walk)
            .Where(file => Path.GetFileName(file) != SchemaFileName)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Loads files and reports every problem in all of them, including two files that claim the same scenario.</summary>
    public static ScenarioLibrary LoadFiles(IEnumerable<string> files)
    {
        var scenarios = new List<Scenario>();
        var errors = new List<LocatedError>();
        foreach (var file in files)
        {
            var (scenario, problems) = ScenarioLoader.LoadFile(file);
            errors.AddRange(problems);
            if (scenario is null)
                continue;
            var clash = scenarios.FirstOrDefault(known => known.Provider == scenario.Provider && known.Name == scenario.Name);
            if (clash is not null)
                errors.Add(
                    new LocatedError(file, 0, 0, $"scenario '{scenario.Provider}/{scenario.Name}' is already defined in {clash.SourcePath}")
                );
            else
                scenarios.Add(scenario);
        }

        return new(scenarios, errors);
    }
}
