using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Results;
using CallHooks.Conformance.Running;
using CallHooks.Conformance.Scenarios;

namespace CallHooks.Conformance.Rules;

/// <summary>Everything a rule may use for one scenario: the scenario's own result, and the means to send probes.</summary>
internal sealed record RuleContext(
    Scenario Scenario,
    IProviderProfile Profile,
    WebhookConfig Config,
    RunPlan Plan,
    ScenarioResult Result,
    WebhookDispatcher Dispatcher,
    TimeProvider Time,
    RuleOptions Options
)
{
    /// <summary>
    /// True for the context that judges what the whole call caused (the CRM requests: SIDE-003, CRM-001, CRM-002); with
    /// a panel of several webhooks only the first webhook's context does, so a call is judged once.
    /// </summary>
    public bool JudgesCall { get; init; } = true;

    /// <summary>
    /// Why what the call caused in the mock CRM cannot be judged in this context: no mock CRM, or another webhook's
    /// context judges it (<see cref="JudgesCall"/>); null when it can. Shared by the CRM rules.
    /// </summary>
    public string? CrmNotJudged =>
        Options.Downstream is null ? "no --downstream-port given"
        : !JudgesCall ? "judged once per call, with its first webhook's results"
        : null;

    /// <summary>Probes time out like scenario deliveries do.</summary>
    public TimeSpan Timeout => Plan.Timeout ?? Profile.TimeBudget;

    public WireShape Wire => WireShape.Of(Profile, Config);

    /// <summary>
    /// What a request without (<paramref name="missing"/>) or with a wrong credential must get: <c>--auth-reject</c>, or
    /// the provider's own refusals, within its time budget.
    /// </summary>
    public Expectations.ExpectationSpec Refusal(bool missing) =>
        new() { Status = Options.AuthReject ?? Profile.Refusals(missing), Within = Profile.TimeBudget };

    public bool HasBody => !Wire.IsGet;

    /// <summary>
    /// The scenario's steps the provider sends under this configuration, by their index in the scenario (a voipappz
    /// webhook that is not enabled or subscribed is skipped). Probes replay only these: a provider never sends the others.
    /// </summary>
    public IReadOnlyList<int> SentSteps =>
        Enumerable.Range(0, Scenario.Steps.Count).Where(index => !Result.Skipped.Any(skipped => skipped.Index == index)).ToList();
}
