using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Scenarios;

namespace CallHooks.Conformance.Running;

/// <summary>Everything a run needs, validated: which scenarios, where and how to send them, with which seed and clock.</summary>
internal sealed record RunPlan
{
    public required IReadOnlyList<Scenario> Scenarios { get; init; }

    public required WebhookConfig Config { get; init; }

    /// <summary>Per-provider targets (the embedded listener serves each provider under its own path); others use <see cref="Config"/>'s.</summary>
    public IReadOnlyDictionary<string, Uri> ProviderTargets { get; init; } = new Dictionary<string, Uri>(StringComparer.Ordinal);

    /// <summary>The configuration a provider's scenarios are sent with.</summary>
    public WebhookConfig ConfigFor(string provider) =>
        ProviderTargets.TryGetValue(provider, out var target) ? Config with { Target = target } : Config;

    /// <summary>
    /// The webhooks of a panel file (<c>--panel</c>); null when the command line describes the run's one webhook
    /// (<see cref="Config"/>), which then receives every event.
    /// </summary>
    public IReadOnlyList<Panels.PanelWebhook>? Panel { get; init; }

    /// <summary>The webhooks a provider's events go to: its panel's, or the command line's one webhook.</summary>
    public IReadOnlyList<Panels.PanelWebhook> WebhooksFor(string provider) =>
        Panel is null
            ? [Panels.PanelWebhook.CommandLine(provider, ConfigFor(provider))]
            : Panel.Where(webhook => webhook.Provider == provider).ToList();

    /// <summary>
    /// The configurations a <c>--matrix</c> run plays each scenario under (each with its own webhook and seed); null
    /// plays each scenario once, as <see cref="WebhooksFor"/> says.
    /// </summary>
    public IReadOnlyList<Sweep.RunConfiguration>? Configurations { get; init; }

    /// <summary>What the run plays: each scenario once, or under each of its provider's configurations, each with the plan it is played with.</summary>
    public IReadOnlyList<(Scenarios.Scenario Scenario, RunPlan Plan, Sweep.RunConfiguration? Configuration)> Plays() =>
        Configurations is null
            ? Scenarios.Select(scenario => (scenario, this, (Sweep.RunConfiguration?)null)).ToList()
            : Configurations
                .SelectMany(configuration =>
                    Scenarios
                        .Where(scenario => scenario.Provider == configuration.Provider)
                        .Select(scenario =>
                            (
                                scenario,
                                this with
                                {
                                    Seed = configuration.Seed,
                                    Panel = [configuration.Webhook],
                                    Configurations = null,
                                    Rules =
                                        configuration.Webhook.Config.Method == "GET" && Rules.RecordsOfPostsOnly
                                            ? Rules with
                                            {
                                                VerifyUrl = null,
                                                VerifyFields = [],
                                            }
                                            : Rules,
                                },
                                (Sweep.RunConfiguration?)configuration
                            )
                        )
                )
                .ToList();

    public required int Seed { get; init; }

    /// <summary>The instant calls start at in call time. Fixed by <c>--now</c>, otherwise the clock at run start.</summary>
    public required DateTimeOffset CallStart { get; init; }

    /// <summary>Per-request timeout; null means each profile's time budget.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Which rules are checked after each scenario's call, and how.</summary>
    public Rules.RuleOptions Rules { get; init; } = new();

    /// <summary>How many calls run at the same time. Events within a call are always sequential.</summary>
    public int Parallelism { get; init; } = 4;

    /// <summary>After an interruption, how long deliveries already in flight may still finish before they are cut off.</summary>
    public TimeSpan InterruptGrace { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A second interruption: deliveries in flight are cut off at once, without waiting out <see cref="InterruptGrace"/>.</summary>
    public CancellationToken AbortNow { get; init; }
}
