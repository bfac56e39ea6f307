using CallHooks.Conformance.Providers;

namespace CallHooks.Conformance.Panels;

/// <summary>
/// One webhook as a provider's panel holds it: its own URL, method, encoding, credentials and options, and the events
/// it is subscribed to. A provider sends an event to every enabled webhook subscribed to it and to no other, so a CRM
/// with MyOperator's In-Call and After-Call webhooks gets each on its own route, and a voipappz webhook object fires
/// for its one event.
/// </summary>
internal sealed record PanelWebhook
{
    /// <summary>The webhook's name in the panel file (e.g. <c>in-call</c>); null for the one webhook the command line describes.</summary>
    public string? Name { get; init; }

    public required string Provider { get; init; }

    /// <summary>The provider's event ids it is subscribed to; null for every event the provider sends.</summary>
    public IReadOnlySet<string>? Events { get; init; }

    public required WebhookConfig Config { get; init; }

    /// <summary>A disabled webhook stays in the panel but receives nothing, as an unticked box in the provider's panel.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// The URL when the panel file gives a path (<c>/in_call</c>): resolved against <c>--target</c>, or the embedded
    /// listener, when the run starts (<see cref="ResolvedAgainst"/>); null for an absolute URL.
    /// </summary>
    public string? Path { get; init; }

    /// <summary>Where the webhook was declared (<c>callhooks.json:12:7</c>), for messages; null for the command line's.</summary>
    public string? DeclaredAt { get; init; }

    public bool Receives(string eventId) => Enabled && (Events is null || Events.Contains(eventId));

    /// <summary>
    /// This webhook with its <see cref="Path"/> appended to <paramref name="baseUrl"/>'s path (<c>https://crm/api</c> and
    /// <c>/in_call</c> give <c>https://crm/api/in_call</c>); unchanged when it has an absolute URL.
    /// </summary>
    public PanelWebhook ResolvedAgainst(Uri baseUrl) =>
        Path is null
            ? this
            : this with
            {
                Config = Config with
                {
                    Target = new Uri(baseUrl.GetLeftPart(UriPartial.Authority) + baseUrl.AbsolutePath.TrimEnd('/') + Path),
                },
            };

    /// <summary>The command line's shorthand: one webhook for every event of <paramref name="provider"/>.</summary>
    public static PanelWebhook CommandLine(string provider, WebhookConfig config) => new() { Provider = provider, Config = config };

    /// <summary>How reports name it: its panel name, or nothing for the command line's one webhook.</summary>
    public override string ToString() => Name ?? "(command line)";
}
