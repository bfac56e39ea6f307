using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Reporting.Model;

/// <summary>
/// The compatibility matrix: a row per scenario name and a column per configuration the run exercised, each
/// configuration being its values on the dimensions (provider when several ran, method, encoding, auth, signing).
/// Rows are keyed by name, so a scenario that exists for two providers reads across one row.
/// </summary>
internal sealed record CompatibilityMatrix(
    IReadOnlyList<string> Dimensions,
    IReadOnlyList<MatrixColumn> Columns,
    IReadOnlyList<MatrixRow> Rows
)
{
    /// <summary>Run options that are dimensions of the matrix, in the order the header shows them.</summary>
    private static readonly string[] OptionDimensions = ["method", "encoding", "auth", "signing"];

    public static CompatibilityMatrix Of(RunResult result)
    {
        var severalProviders = result.Scenarios.Select(scenario => scenario.Provider).Distinct(StringComparer.Ordinal).Skip(1).Any();
        // A --matrix run names each scenario's configuration; its axes are the dimensions, as the sweep ordered them.
        var swept = result.Scenarios.Where(scenario => scenario.Configuration is not null).SelectMany(scenario => scenario.Configuration!);
        var axes = swept.Select(pair => pair.Key).Distinct(StringComparer.Ordinal).ToList();
        var options = axes.Count > 0 ? axes : OptionDimensions.Where(result.Options.ContainsKey).ToList();
        var dimensions = (severalProviders ? ["provider", .. options] : options).ToList();

        var columns = new List<MatrixColumn>();
        var columnIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var rowNames = new List<string>();
        var cells = new Dictionary<string, Dictionary<int, List<int>>>(StringComparer.Ordinal);
        for (var i = 0; i < result.Scenarios.Count; i++)
        {
            var scenario = result.Scenarios[i];
            // Today options are run-wide; a column still comes from each scenario so per-scenario settings slot in.
            var values = dimensions
                .Select(dimension =>
                    dimension == "provider" ? scenario.Provider
                    : axes.Count > 0 ? scenario.Configuration?.FirstOrDefault(pair => pair.Key == dimension).Value ?? "-"
                    : result.Options[dimension]
                )
                .ToList();
            var key = string.Join('\u001f', values);
            if (!columnIndex.TryGetValue(key, out var column))
            {
                column = columns.Count;
                columnIndex[key] = column;
                columns.Add(new MatrixColumn(values));
            }

            if (!cells.TryGetValue(scenario.Name, out var row))
            {
                row = [];
                cells[scenario.Name] = row;
                rowNames.Add(scenario.Name);
            }

            if (!row.TryGetValue(column, out var members))
                row[column] = members = [];
            members.Add(i);
        }

        var rows = rowNames
            .Select(name => new MatrixRow(
                name,
                Enumerable
                    .Range(0, columns.Count)
                    .Select(column => cells[name].TryGetValue(column, out var members) ? Cell(result, members) : null)
                    .ToList()
            ))
            .ToList();
        return new CompatibilityMatrix(dimensions, columns, rows);
    }

    private static MatrixCell Cell(RunResult result, List<int> members)
    {
        var scenarios = members.Select(index => result.Scenarios[index]).ToList();
        var deliveries = scenarios.SelectMany(scenario => scenario.Deliveries).ToList();
        var passed = scenarios.Count(scenario => scenario.Passed);
        var skipped = scenarios.Count(scenario => scenario.NotSent);
        return new MatrixCell(
            members,
            passed,
            scenarios.Count - passed - skipped,
            deliveries.Count,
            deliveries.Count(delivery => !delivery.Passed),
            skipped
        );
    }
}
