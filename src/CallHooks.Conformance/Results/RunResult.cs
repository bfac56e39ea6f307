namespace CallHooks.Conformance.Results;

/// <summary>A whole run: what was asked, what happened, the verdict. Report writers are pure functions of it.</summary>
public sealed record RunResult
{
    public required string Tool { get; init; }

    public required string Version { get; init; }

    public required int Seed { get; init; }

    /// <summary>The fixed clock given with <c>--now</c>, or null when the real clock was used.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>The target URL (secrets masked); for the embedded listener, its loopback URL.</summary>
    public required string Target { get; init; }

    /// <summary>True when the run started the reference listener itself.</summary>
    public required bool EmbeddedListener { get; init; }

    /// <summary>Run options worth showing (method, encoding, auth kind, ...), secrets masked.</summary>
    public required IReadOnlyDictionary<string, string> Options { get; init; }

    /// <summary>The command line that replays this run (secrets masked).</summary>
    public required string CommandLine { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset FinishedAt { get; init; }

    public required IReadOnlyList<ScenarioResult> Scenarios { get; init; }

    /// <summary>True when Ctrl-C or SIGTERM stopped the run: the scenarios hold only the deliveries that completed.</summary>
    public bool Interrupted { get; init; }

    /// <summary>Set for a load run (<c>--calls</c>/<c>--duration</c>): then <see cref="Scenarios"/> holds only the kept calls.</summary>
    public LoadReport? Load { get; init; }

    public int Passed => Scenarios.Count(scenario => scenario.Passed);

    public int Failed => Scenarios.Count - Passed;

    public bool AllPassed => Failed == 0;

    /// <summary>What the run checked, across its scenarios: a PASS is only as strong as this.</summary>
    public CheckScope Checked => CheckScope.Of(Scenarios.SelectMany(scenario => scenario.Rules));
}
