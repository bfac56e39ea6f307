using CallHooks.Conformance.Calls;
using CallHooks.Conformance.Expectations;

namespace CallHooks.Conformance.Scenarios;

/// <summary>
/// One scripted call: what happens in it and what the listener must do. It says nothing about how
/// bytes are encoded; that is the provider profile's job, chosen by run options.
/// </summary>
internal sealed record Scenario
{
    public required string Name { get; init; }

    /// <summary>The profile that puts this scenario on the wire, e.g. <c>myoperator-incall</c>.</summary>
    public required string Provider { get; init; }

    public required string Description { get; init; }

    public required CallType CallType { get; init; }

    public required CallOutcome Outcome { get; init; }

    /// <summary>How many agents are rung (at least one).</summary>
    public int Agents { get; init; } = 1;

    /// <summary>How many agents were rung and found busy before those of <see cref="Agents"/> (default none).</summary>
    public int BusyAgents { get; init; }

    public required IReadOnlyList<ScenarioStep> Steps { get; init; }

    /// <summary>Expectations for every step unless the step overrides them.</summary>
    public ExpectationSpec Expect { get; init; } = ExpectationSpec.Empty;

    /// <summary>When set, the listener must call the mock CRM with the caller's number within this time after the call (rule SIDE-003).</summary>
    public TimeSpan? Downstream { get; init; }

    /// <summary>
    /// Values the listener's record of the call must hold (<c>record.fields</c>: JSON path to a template written against
    /// the call), checked by SIDE-001 where <c>--verify-url</c> reads the record; empty when the file names none.
    /// </summary>
    public IReadOnlyList<(Rules.Records.JsonPathLite Path, string PathText, string Template)> RecordFields { get; init; } = [];

    /// <summary>The CRM requests the call must cause and what they carry (<c>downstream.requests</c>, rule CRM-002); empty when the file names none.</summary>
    public IReadOnlyList<CrmRequestExpectation> CrmRequests { get; init; } = [];

    /// <summary>The file it was loaded from, for error messages; empty for built-in scenarios.</summary>
    public string SourcePath { get; init; } = "";
}
