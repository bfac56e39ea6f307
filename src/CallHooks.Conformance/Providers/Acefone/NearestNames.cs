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

    /// <summary>Levenshtein distance: insertions, deletions and substitutions, one row at a time.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
