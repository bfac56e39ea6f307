namespace CallHooks.Conformance.Providers.Acefone;

/// <summary>The known names closest to a misspelt one, for "did you mean" hints: few edits away, or sharing its start.</summary>
internal static class NearestNames
{
    public static IReadOnlyList<string> Closest(string name, IEnumerable<string> known, int count = 3)
    {
        // One or two edits cover a typo; more would suggest names that merely look alike.
        var limit = name.Length <= 5 ? 1 : 2;
        return known
            .Select(candidate => (Candidate: candidate, Distance: Distance(name, candidate)))
            .Where(pair => pair.Distance <= limit || (name.Length >= 4 && pair.Candidate.StartsWith(name, StringComparison.Ordinal)))
            .OrderBy(pair => pair.Distance)
            .ThenBy(pair => pair.Candidate, StringComparer.Ordinal)
            .Take(count)
            .Select(pair => pair.Candidate)
            .ToList();
    }

    private static int Distance(string a, string b) => Quickenshtein.Levenshtein.GetDistance(a, b);
}
