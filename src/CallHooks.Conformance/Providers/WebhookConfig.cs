namespace CallHooks.Conformance.Providers;

/// <summary>
/// What a user configures for a webhook in the provider's panel: where to send, how, and with which
/// credentials. Validated once by the CLI; immutable afterwards.
/// </summary>
internal sealed record WebhookConfig
{
    public required Uri Target { get; init; }

    /// <summary><c>GET</c> or <c>POST</c>; null means the profile's default.</summary>
    public string? Method { get; init; }

    /// <summary><c>form</c> or <c>json</c>; null means the profile's default.</summary>
    public string? Encoding { get; init; }

    /// <summary>Custom headers in the order configured. Their values are treated as secrets in every output.</summary>
    public IReadOnlyList<HeaderSpec> Headers { get; init; } = [];

    public BasicCredentials? Basic { get; init; }

    /// <summary>Query parameters mapped to call-log fields, in the order configured.</summary>
    public IReadOnlyList<QueryMapping> Query { get; init; } = [];

    /// <summary>A signing secret (<c>--secret</c>): Twilio's auth token, a Standard Webhooks <c>whsec_</c> key. Never written out.</summary>
    public string? Secret { get; init; }

    /// <summary>A signing scheme applied on top of the profile (<c>--sign standard-webhooks</c>); null for none.</summary>
    public string? Sign { get; init; }

    /// <summary>
    /// The clock a signature's timestamp comes from (Standard Webhooks' <c>webhook-timestamp</c>): the real one, as a
    /// provider signs when it sends; null for the event's time in call time, so a replay with <c>--now</c> is byte-identical.
    /// </summary>
    public TimeProvider? SignatureClock { get; init; }

    /// <summary>A user-written body template (<c>--template FILE</c>'s content) for profiles whose panel takes one.</summary>
    public string? Template { get; init; }

    /// <summary>Where <see cref="Template"/> was read from, for problems reported as file:line:column; null when not from a file.</summary>
    public string? TemplatePath { get; init; }

    /// <summary>Profile-specific settings (<c>--option name=value</c>), validated by the profile.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
