using System.Text.RegularExpressions;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Architecture;

/// <summary>docs/ARCHITECTURE.md is the newcomer's map: every file and folder it names must exist.</summary>
public sealed partial class CodeMapTests
{
    [Test]
    public void Every_path_the_code_map_names_exists()
    {
        var map = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "ARCHITECTURE.md"));
        var paths = MapPath()
            .Matches(map)
            .Select(match => match.Groups[1].Value)
            .Where(path => !path.Contains('<', StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.That(paths, Has.Count.GreaterThan(30), "the map names the files it points at");
        var missing = paths.Where(path => !Exists(path)).ToList();
        Assert.That(missing, Is.Empty);
    }

    /// <summary>A path as the map writes it: from the repository root, from src/, or from a provider folder's parent.</summary>
    private static bool Exists(string path)
    {
        foreach (
            var root in new[]
            {
                RepoPaths.Root,
                Path.Combine(RepoPaths.Root, "src"),
                Path.Combine(RepoPaths.Root, "src", "CallHooks.Conformance"),
                Path.Combine(RepoPaths.Root, "src", "CallHooks.Conformance", "Providers"),
                Path.Combine(RepoPaths.Root, "src", "CallHooks.Conformance.Listener"),
            }
        )
        {
            var full = Path.Combine(root, path.TrimEnd('/'));
            if (File.Exists(full) || Directory.Exists(full))
                return true;
        }

        return false;
    }

    [GeneratedRegex(@"`((?:[A-Za-z0-9_.-]+/)+[A-Za-z0-9_.-]*)`")]
    private static partial Regex MapPath();
}
