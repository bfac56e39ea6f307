using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Expectations;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Providers.StandardWebhooks;
using CallHooks.Conformance.Results;
using CallHooks.Conformance.Secrets;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Running;

/// <summary>
/// The two steps every sender shares, scenario runner and rule probes alike: building a request exactly as the
/// provider would (profile, then any signing scheme on top), and turning what happened into a delivery record
/// with every secret masked, in the request, the response and the failure sentences.
/// </summary>
internal static class DeliveryRecords
{
    public static WebhookRequest Build(IProviderProfile profile, WebhookConfig config, StepContext context) =>
        StandardWebhooksSigning.Apply(config, context, profile.Build(context, config));

    public static DeliveryResult Create(
        WebhookConfig config,
        StepContext context,
        WebhookRequest request,
        Observation observation,
        ExpectationSpec expect,
        string? probe = null,
        IReadOnlyList<(WebhookRequest Request, Observation Observation)>? earlier = null
    )
    {
        var secrets = ObservationRedaction.Secrets(request, config);
        return new DeliveryResult
        {
            Event = context.Step.Event,
            Index = context.Index,
            Probe = probe,
            EventTime = context.EventTime,
            Request = ScenarioRunner.Record(request with { SecretValues = secrets }),
            Observation = ObservationRedaction.Apply(observation, secrets),
            Expected = ExpectationEvaluator.Describe(expect),
            Failures = ExpectationEvaluator.Evaluate(expect, observation) is { Count: > 0 } failures
                ? failures.Select(failure => Redactor.Text(secrets, failure)).ToList()
                : [],
            EarlierAttempts = earlier is { Count: > 0 }
                ? earlier
                    .Select(attempt => new DeliveryAttempt(
                        ScenarioRunner.Record(attempt.Request with { SecretValues = secrets }),
                        ObservationRedaction.Apply(attempt.Observation, secrets)
                    ))
                    .ToList()
                : [],
        };
    }
}
