namespace CallHooks.Conformance.Reporting.Comparison;

/// <summary>
/// What a comparison needs of one run, read from its results.json: each cell's status and broken MUST rules, and the
/// latencies of its deliveries per provider and event.
/// </summary>
/// <param name="Cells">By cell id: <c>provider/scenario</c>, with <c> [configuration]</c> in a --matrix run.</param>
/// <param name="Latencies">By <c>provider event</c>: every delivery's latency that got an answer, in milliseconds.</param>
internal sealed record RunSnapshot(
    string Path,
    IReadOnlyList<string> Providers,
    IReadOnlyDictionary<string, CellSnapshot> Cells,
    IReadOnlyDictionary<string, IReadOnlyList<double>> Latencies
);

/// <summary>One cell of a run: <c>passed</c>, <c>failed</c>, <c>skipped</c> or <c>interrupted</c>, and the MUST rules it broke (<c>RULE-ID</c>).</summary>
/// <param name="DeliveriesPassed">Every delivery of the cell got the answer it expected (so only rules can have failed it).</param>
internal sealed record CellSnapshot(string Status, IReadOnlySet<string> BrokenRules, bool DeliveriesPassed = true);
