namespace CallHooks.Conformance.Reporting.Comparison;

/// <summary>
/// A committed list of failures a team lives with (<c>--known-failures FILE</c>): one per line, the cell
/// (<c>provider/scenario</c>, with <c> [configuration]</c> in a sweep) or the rule (<c>RULE-ID provider/scenario</c>),
/// a colon, and why. <c>#</c> starts a comment. A run shows these as known, apart from new failures, and does not fail
/// on them.
/// </summary>
internal sealed class KnownFailures
{
    private readonly Dictionary<string, string> reasons;

    private KnownFailures(string path, Dictionary<string, string> reasons, IReadOnlyList<(int Line, string Id)> entries)
    {
        Path = path;
        this.reasons = reasons;
        Entries = entries;
    }

    public string Path { get; }

    /// <summary>Each id with the line it is on, for refusing ids that name nothing.</summary>
    public IReadOnlyList<(int Line, string Id)> Entries { get; }

    /// <summary>Why <paramref name="id"/> is known to fail, or null when it is not listed.</summary>
    public string? Reason(string id) => reasons.GetValueOrDefault(id);

    /// <summary>Reads the file, or throws <see cref="ComparisonInputException"/> naming the file and line.</summary>
    public static KnownFailures Read(string path)
    {
        var (bytes, problem) = Input.BoundedFile.Read(path, 1024 * 1024, "a known-failures file");
        if (bytes is null)
            throw new ComparisonInputException($"{path}: {problem}");
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        var entries = new List<(int, string)>();
        var lines = System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line[(colon + 1)..].Trim().Length == 0)
                throw new ComparisonInputException(
                    $"{path}:{index + 1}: expected \"ID: why it is known to fail\" (e.g. \"myoperator-incall/obd-no-answer: GET not supported yet\")"
                );
            var id = line[..colon].Trim();
            if (!reasons.TryAdd(id, line[(colon + 1)..].Trim()))
                throw new ComparisonInputException($"{path}:{index + 1}: {id} is listed twice");
            entries.Add((index + 1, id));
        }

        return new KnownFailures(path, reasons, entries);
    }

    /// <summary>Refuses every id that names no cell of the run and no rule of one (a typo would silently excuse nothing).</summary>
    public void Check(IReadOnlyCollection<string> cells, IReadOnlyCollection<string> ruleIds)
    {
        foreach (var (line, id) in Entries)
        {
            var space = id.IndexOf(' ', StringComparison.Ordinal);
            var isRule = space > 0 && ruleIds.Contains(id[..space]) && cells.Contains(id[(space + 1)..]);
            if (!cells.Contains(id) && !isRule)
                throw new ComparisonInputException(
                    $"{Path}:{line}: '{id}' names no cell of this run (provider/scenario, with [configuration] in a --matrix run) and no rule of one (RULE-ID provider/scenario)"
                );
        }
    }
}
