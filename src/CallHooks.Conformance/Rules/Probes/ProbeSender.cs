using CallHooks.Conformance.Calls;
using CallHooks.Conformance.Expectations;
using CallHooks.Conformance.Generation;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Results;
using CallHooks.Conformance.Running;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Rules.Probes;

/// <summary>
/// Builds and sends a rule's probe requests. Each rule gets a fresh call of its own (the scenario's seed mixed with
/// the rule id), so probes never disturb the listener's record of the scenario's call or of each other.
/// </summary>
internal sealed class ProbeSender(RuleContext context, Rule rule)
{
    public Call Call { get; } =
        CallGenerator.Generate(
            context.Scenario with
            {
                Name = $"{context.Scenario.Name}~{rule.Id}",
            },
            context.Plan.Seed,
            context.Plan.CallStart
        );

    /// <summary>The scenario steps a provider sends under this configuration, by scenario index (<see cref="RuleContext.SentSteps"/>).</summary>
    public IReadOnlyList<int> Sent { get; } = context.SentSteps;

    /// <summary>The first step the provider sends: the one single-request probes use.</summary>
    public int First => Sent[0];

    /// <summary>The last step the provider sends: the final event of the call as the listener sees it.</summary>
    public int Last => Sent[^1];

    public WebhookRequest Build(int index, Func<Scenarios.ScenarioStep, Scenarios.ScenarioStep>? alter = null)
    {
        var step = context.Scenario.Steps[index];
        return DeliveryRecords.Build(
            context.Profile,
            context.Config,
            new StepContext(Call, alter is null ? step : alter(step), index, EventTime(index))
        );
    }

    /// <summary>The request of the first step the provider sends, as it would send it.</summary>
    public WebhookRequest BuildFirst() => Build(First);

    public DateTimeOffset EventTime(int index) =>
        Call.StartedAt + context.Scenario.Steps.Take(index + 1).Aggregate(TimeSpan.Zero, (sum, step) => sum + step.After);

    /// <summary>Sends one probe and judges it against <paramref name="expect"/>.</summary>
    public async Task<DeliveryResult> SendAsync(
        int index,
        WebhookRequest request,
        string probe,
        ExpectationSpec expect,
        CancellationToken cancellationToken
    )
    {
        var observation = await context.Dispatcher.SendAsync(request, context.Timeout, cancellationToken).ConfigureAwait(false);
        return DeliveryRecords.Create(
            context.Config,
            new StepContext(Call, context.Scenario.Steps[index], index, EventTime(index)),
            request,
            observation,
            expect,
            probe
        );
    }

    /// <summary>A 2xx within the provider's budget: what a listener owes every genuine delivery.</summary>
    public ExpectationSpec Accepted => new() { Status = StatusExpectation.Success, Within = context.Profile.TimeBudget };

    /// <summary>A 4xx within the budget: the answer to a request the listener cannot read (never a 5xx, never a hang).</summary>
    public ExpectationSpec ClientError => new() { Status = StatusExpectation.Of(["4xx"]), Within = context.Profile.TimeBudget };

    /// <summary>Failure sentences of <paramref name="deliveries"/>, each prefixed by the event and what the probe did.</summary>
    public static IReadOnlyList<string> Failures(IEnumerable<DeliveryResult> deliveries) =>
        deliveries
            .SelectMany(delivery => delivery.Failures.Select(failure => $"event {delivery.Event} ({delivery.Probe}): {failure}"))
            .ToList();
}
