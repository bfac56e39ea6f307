using CallHooks.Conformance.Calls;
using CallHooks.Conformance.Expectations;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Scenarios;

namespace CallHooks.Conformance.Running;

/// <summary>One call to play: the scenario, its provider, the webhooks its events go to, and the generated call.</summary>
/// <param name="Webhooks">The provider's webhooks: each event goes to every one subscribed to it (<see cref="Panels.EventRouting"/>).</param>
/// <param name="Expectations">Per step, what the delivery must get (<see cref="CallPlayer.Expectations"/>).</param>
/// <param name="Pace">Factor on the scenario's pauses: 1 as written; load runs may shorten them.</param>
/// <param name="IntendedStart">When the first event is meant to be sent (a <see cref="TimeProvider"/> timestamp); null for now.</param>
internal sealed record CallToPlay(
    Scenario Scenario,
    IProviderProfile Profile,
    IReadOnlyList<Panels.PanelWebhook> Webhooks,
    Call Call,
    ExpectationSpec[] Expectations,
    TimeSpan Timeout,
    double Pace = 1,
    long? IntendedStart = null
);
