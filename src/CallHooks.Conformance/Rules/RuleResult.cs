using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Rules;

/// <summary>What one rule found for one scenario: passed, failed (with reasons and the deliveries that prove it), or not applicable.</summary>
internal sealed record RuleResult
{
    public required Rule Rule { get; init; }

    public required string Provider { get; init; }

    public required string Scenario { get; init; }

    /// <summary>The panel webhook whose deliveries and configuration the rule judged; null for the command line's one webhook.</summary>
    public string? Webhook { get; init; }

    /// <summary>Why the rule was not checked (no credentials configured, a GET webhook has no body, ...); null when it was.</summary>
    public string? NotApplicable { get; init; }

    public IReadOnlyList<string> Failures { get; init; } = [];

    /// <summary>The probe requests the rule sent and what came back; empty for rules judged on the scenario's own deliveries.</summary>
    public IReadOnlyList<DeliveryResult> Deliveries { get; init; } = [];

    /// <summary>How the result judged the listener's data; <see cref="DataJudgement.None"/> when it judged the answers alone.</summary>
    public DataJudgement Data { get; init; }

    /// <summary>
    /// What a rule that can judge more did not judge here, and why, e.g. "the listener's records: no --verify-url given"
    /// for a rule that judges records where it can read them; null when it judged everything it judges.
    /// </summary>
    public string? Unchecked { get; init; }

    /// <summary>What the rule observed beyond deliveries (e.g. what arrived at the mock CRM), as lines of text.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    public bool Applicable => NotApplicable is null;

    public bool Passed => Applicable && Failures.Count == 0;

    /// <summary>A broken MUST; a broken SHOULD only warns.</summary>
    public bool FailsRun => Applicable && Failures.Count > 0 && Rule.Level is RuleLevel.Must;

    public string Status =>
        !Applicable ? "n/a"
        : Passed ? "passed"
        : Rule.Level is RuleLevel.Must ? "failed"
        : "warning";
}
