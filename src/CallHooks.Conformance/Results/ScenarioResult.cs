namespace CallHooks.Conformance.Results;

/// <summary>One scenario's call and all its deliveries.</summary>
public sealed record ScenarioResult
{
    public required string Provider { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    /// <summary>The call's identifier as the provider prints it (MyOperator's uid), for searching logs.</summary>
    public required string CallId { get; init; }

    /// <summary>The customer's number in E.164, for searching logs.</summary>
    public required string Customer { get; init; }

    /// <summary>The seed this scenario's data was generated from (derived from the run seed).</summary>
    public required int Seed { get; init; }

    public required IReadOnlyList<DeliveryResult> Deliveries { get; init; }

    public required double DurationMs { get; init; }

    /// <summary>Steps the provider would not send under the run's configuration (e.g. an unsubscribed webhook).</summary>
    public IReadOnlyList<SkippedStep> Skipped { get; init; } = [];

    /// <summary>The conformance rules checked for this scenario (the selected suites).</summary>
    public IReadOnlyList<Rules.RuleResult> Rules { get; init; } = [];

    /// <summary>What this scenario's verdict rests on: its answers always, its data only where a rule read it.</summary>
    public CheckScope Checked => CheckScope.Of(Rules);

    /// <summary>Every delivery met its expectation and no MUST rule is broken (a broken SHOULD only warns).</summary>
    public bool Passed => Deliveries.All(delivery => delivery.Passed) && !Rules.Any(rule => rule.FailsRun);
}
