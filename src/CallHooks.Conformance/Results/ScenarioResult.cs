namespace CallHooks.Conformance.Results;

/// <summary>One scenario's call and all its deliveries.</summary>
internal sealed record ScenarioResult
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

    /// <summary>The <c>--matrix</c> configuration the scenario was played under (axis to value); null outside a sweep.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Configuration { get; init; }

    /// <summary>"method=GET · encoding=-": the configuration as reports name it; null outside a sweep.</summary>
    public string? ConfigurationLabel =>
        Configuration is null ? null : string.Join(" · ", Configuration.Select(pair => pair.Key + "=" + pair.Value));

    public required double DurationMs { get; init; }

    /// <summary>Steps the provider would not send under the run's configuration (e.g. an unsubscribed webhook).</summary>
    public IReadOnlyList<SkippedStep> Skipped { get; init; } = [];

    /// <summary>The conformance rules checked for this scenario (the selected suites).</summary>
    public IReadOnlyList<Rules.RuleResult> Rules { get; init; } = [];

    /// <summary>What this scenario's verdict rests on: its answers always, its data only where a rule read it.</summary>
    public CheckScope Checked => CheckScope.Of(Rules);

    /// <summary>Events never sent because the run was interrupted before their turn.</summary>
    public int Unsent { get; init; }

    /// <summary>
    /// True when the run's interruption cut this call short: events were never sent, or a delivery in flight was cut off.
    /// Such a call proves nothing either way: it neither passes nor counts as the listener's failure.
    /// </summary>
    public bool Interrupted =>
        Unsent > 0 || Deliveries.Any(delivery => delivery.Observation.Failure?.Kind is Delivery.FailureKind.Cancelled);

    /// <summary>Every event was sent, every delivery met its expectation and no MUST rule is broken (a broken SHOULD only warns).</summary>
    /// <summary>
    /// No event of the call was sent: the configuration (a panel with no webhook subscribed to its events, a disabled
    /// webhook) keeps the provider silent. Neither passed nor failed: nothing was checked.
    /// </summary>
    public bool NotSent => !Interrupted && Deliveries.Count == 0 && Skipped.Count > 0;

    public bool Passed => !Interrupted && !NotSent && Deliveries.All(delivery => delivery.Passed) && !Rules.Any(rule => rule.FailsRun);

    /// <summary>"passed", "failed", or "interrupted" when the run was stopped before the call was whole.</summary>
    public string Status =>
        Interrupted ? "interrupted"
        : NotSent ? "skipped"
        : Passed ? "passed"
        : "failed";
}
