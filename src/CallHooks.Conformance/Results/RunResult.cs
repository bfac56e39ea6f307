namespace CallHooks.Conformance.Results;

/// <summary>A whole run: what was asked, what happened, the verdict. Report writers are pure functions of it.</summary>
internal sealed record RunResult
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

    /// <summary>
    /// True when webhooks went to an ASP.NET Core app in the same process (the NUnit integration): nothing crossed a
    /// wire, so connection faults, TLS and response framing were not observed.
    /// </summary>
    public bool InProcess { get; init; }

    /// <summary>Run options worth showing (method, encoding, auth kind, ...), secrets masked.</summary>
    public required IReadOnlyDictionary<string, string> Options { get; init; }

    /// <summary>The command line that replays this run (secrets masked).</summary>
    public required string CommandLine { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset FinishedAt { get; init; }

    public required IReadOnlyList<ScenarioResult> Scenarios { get; init; }

    /// <summary>The comparison with <c>--baseline</c>; null without one.</summary>
    public RunComparison? Comparison { get; init; }

    /// <summary>
    /// <c>--known-failures</c>: the listed ids (cells, <c>RULE-ID cell</c>) with why each is known to fail. A failure they
    /// cover is shown as known and does not fail the run.
    /// </summary>
    public IReadOnlyDictionary<string, string> Known { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The configurations a <c>--matrix</c> run swept; null for a run of one configuration.</summary>
    public IReadOnlyList<ConfigurationResult>? Configurations { get; init; }

    /// <summary>The panel file's webhooks, as sent to; null when the command line described the run's one webhook.</summary>
    public IReadOnlyList<Panels.PanelWebhook>? Webhooks { get; init; }

    /// <summary>True when Ctrl-C or SIGTERM stopped the run: the scenarios hold only the deliveries that completed.</summary>
    public bool Interrupted { get; init; }

    /// <summary>True for <c>callhooks replay</c>: recorded requests resent as they were, so no seed or clock made them.</summary>
    public bool Replay { get; init; }

    /// <summary>Set for a load run (<c>--calls</c>/<c>--duration</c>): then <see cref="Scenarios"/> holds only the kept calls.</summary>
    public LoadReport? Load { get; init; }

    /// <summary>How many scenarios the run set out to play; more than <see cref="Scenarios"/> holds when it was interrupted.</summary>
    public int? Planned { get; init; }

    public int Passed => Scenarios.Count(scenario => scenario.Passed);

    /// <summary>Scenarios whose call the interruption cut short: neither passed nor failed.</summary>
    public int InterruptedScenarios => Scenarios.Count(scenario => scenario.Interrupted);

    /// <summary>Scenarios the run never started because it was interrupted first.</summary>
    public int NotStarted => Math.Max(0, (Planned ?? Scenarios.Count) - Scenarios.Count);

    /// <summary>Scenarios of which the configuration sent nothing (<see cref="ScenarioResult.NotSent"/>): neither passed nor failed.</summary>
    public int NotSent => Scenarios.Count(scenario => scenario.NotSent);

    public int Failed => Scenarios.Count - Passed - InterruptedScenarios - NotSent;

    /// <summary>Every scenario ran whole and passed: never true for an interrupted run.</summary>
    /// <remarks>A run of which nothing was sent (every scenario skipped by configuration) checked nothing: never a pass.</remarks>
    public bool AllPassed => Failed == 0 && !Interrupted && InterruptedScenarios == 0 && !NothingSent;

    /// <summary>Scenarios were selected and the configuration sent none of their events.</summary>
    public bool NothingSent => Scenarios.Count > 0 && NotSent == Scenarios.Count;

    /// <summary>What the run checked, across its scenarios: a PASS is only as strong as this.</summary>
    public CheckScope Checked => CheckScope.Of(Scenarios.SelectMany(scenario => scenario.Rules));
}
