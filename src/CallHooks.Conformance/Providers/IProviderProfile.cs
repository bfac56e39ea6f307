using CallHooks.Conformance.Calls;
using CallHooks.Conformance.Providers.Fields;
using CallHooks.Conformance.Providers.Readings;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Providers;

/// <summary>
/// Translates canonical calls into one provider's wire format. A profile is stateless and pure:
/// the same call, step and configuration always give the same bytes.
/// </summary>
internal interface IProviderProfile
{
    /// <summary>The name used on the command line and in scenario files.</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>How long the provider waits for an answer before it counts the delivery as failed.</summary>
    TimeSpan TimeBudget { get; }

    /// <summary>
    /// The statuses a listener may refuse a request with that lacks its credential (<paramref name="missing"/>) or
    /// carries a wrong one: 401 or 403, unless the provider's own verifier library answers otherwise. AUTH, SIG rules
    /// use it unless <c>--auth-reject</c> says.
    /// </summary>
    Expectations.StatusExpectation Refusals(bool missing) => Expectations.StatusExpectation.Of(["401", "403"]);

    IReadOnlyList<string> Methods { get; }

    IReadOnlyList<string> Encodings { get; }

    string DefaultMethod { get; }

    string DefaultEncoding { get; }

    IReadOnlyList<ProviderEvent> Events { get; }

    /// <summary>
    /// Names for sets of events as the provider's panel groups them (MyOperator's In-Call webhook takes every call
    /// state); a panel file's <c>events</c> may name them. Empty for most providers.
    /// </summary>
    IReadOnlyDictionary<string, IReadOnlyList<string>> EventGroups => new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// True when the provider's panel has a webhook per event, each with its own URL (voipappz's webhook objects,
    /// Smartflo's triggers); <c>callhooks init</c> then writes one webhook per event.
    /// </summary>
    bool WebhookPerEvent => false;

    IReadOnlyList<MappableField> QueryFields { get; }

    /// <summary>
    /// True when the provider first sends without Basic credentials and resends with them only after a 401
    /// challenge (Twilio does); false when credentials go with the first attempt (MyOperator).
    /// </summary>
    bool SendsCredentialsAfterChallenge => false;

    /// <summary>
    /// The pauses before each retry of a delivery the provider thinks failed (empty: the provider documents none).
    /// Rule RETRY-001 replays them, compressed by <c>--retry-speedup</c>.
    /// </summary>
    IReadOnlyList<TimeSpan> RetrySchedule => [];

    /// <summary>True when the profile signs with <see cref="WebhookConfig.Secret"/> itself (Twilio's auth token).</summary>
    bool UsesSecret => false;

    /// <summary>
    /// The fields of one event's payload that robustness rules (ROB-002..005) may remove, empty or fill with odd text: the
    /// ones the provider documents as optional or free text. Per event, because a field one event carries (a call
    /// summary's client reference) is an unknown extra on another; <see cref="PayloadHints.None"/> leaves the event as it is.
    /// </summary>
    PayloadHints HintsFor(string eventId) => PayloadHints.None;

    /// <summary>
    /// The places where the provider's sources disagree about bytes a listener depends on, each a named choice selected
    /// with <c>--option ID=VALUE</c>; <c>callhooks list --readings</c> prints them with their sources.
    /// </summary>
    IReadOnlyList<Reading> Readings => [];

    /// <summary>
    /// Every field the profile sends and where its name, type and values come from; <c>callhooks list --fields</c> prints
    /// it and docs/providers/ holds it. A test holds it to the bytes of every shipped scenario.
    /// </summary>
    FieldTable Fields { get; }

    /// <summary>True when the payload has a leg per agent tried, so a scenario's busy agents (<c>busyAgents</c>) reach the wire.</summary>
    bool RendersBusyAgents => false;

    /// <summary>Names of <c>--option</c> settings whose values are secrets (an API key): masked in every output.</summary>
    IReadOnlyList<string> SecretOptions => [];

    /// <summary>Problems with a configuration for this profile, each one a complete sentence; empty when valid.</summary>
    IReadOnlyList<string> Validate(WebhookConfig config);

    /// <summary>
    /// The call's identifier as this provider prints it under this configuration (MyOperator's uid), shown in reports for
    /// log searches and put in <c>--verify-url</c>'s <c>{uid}</c>.
    /// </summary>
    string CallId(Call call, WebhookConfig config);

    /// <summary>
    /// Why this step is not sent under this configuration (a webhook the user has not enabled or subscribed),
    /// or null when it is sent. The runner records a skipped step instead of a delivery; it is neither passed
    /// nor failed. Most providers send every event, hence the default.
    /// </summary>
    string? SkipReason(StepContext context, WebhookConfig config) => null;

    /// <summary>
    /// Adds the credentials this configuration sends with its webhooks to another request to the listener (rule SIDE's
    /// record fetch): a listener guards its records as it guards its webhooks. Custom headers and Basic by default;
    /// a profile with credentials of its own (an API key) adds those too.
    /// </summary>
    WebhookRequest Authenticate(WebhookRequest request, WebhookConfig config) => WebhookAuth.Apply(config, request);

    /// <summary>Builds the request for one step of a call.</summary>
    /// <param name="context">The call and where this step stands in it.</param>
    WebhookRequest Build(StepContext context, WebhookConfig config);
}
