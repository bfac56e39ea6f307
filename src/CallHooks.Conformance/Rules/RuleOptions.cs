using CallHooks.Conformance.Expectations;

namespace CallHooks.Conformance.Rules;

/// <summary>How rules are checked in a run; validated by the CLI.</summary>
internal sealed record RuleOptions
{
    public IReadOnlySet<RuleSuite> Suites { get; init; } = new HashSet<RuleSuite> { RuleSuite.Core };

    /// <summary>
    /// What a listener must answer to a request without, or with wrong, credentials (<c>--auth-reject</c>); null for
    /// each provider's own (<see cref="Providers.IProviderProfile.Refusals"/>: 401 or 403, Twilio also 400 when missing).
    /// </summary>
    public StatusExpectation? AuthReject { get; init; }

    /// <summary>The SHOULD budget for answering well inside the provider's (<c>--fast</c>).</summary>
    public TimeSpan Fast { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The listener's own record of a call, with <c>{uid}</c> for the call id (<c>--verify-url</c>).</summary>
    public string? VerifyUrl { get; init; }

    /// <summary>Where the record keeps the caller, status, agent and duration (<c>--verify-field</c>); empty: the record is searched as text.</summary>
    public IReadOnlyList<Records.RecordField> VerifyFields { get; init; } = [];

    /// <summary>
    /// True when the records at <see cref="VerifyUrl"/> are kept from POST bodies only (the embedded reference listener's):
    /// a GET configuration of a sweep has no record there to read, so its record rules do not apply.
    /// </summary>
    public bool RecordsOfPostsOnly { get; init; }

    /// <summary>The mock CRM the harness hosts (<c>--downstream-port</c>); null when none.</summary>
    public DownstreamInbox? Downstream { get; init; }

    /// <summary>How long to wait for the listener's push to the mock CRM after a call ends.</summary>
    public TimeSpan DownstreamWithin { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How much faster than real time provider retry schedules are replayed (<c>--retry-speedup</c>).</summary>
    public double RetrySpeedup { get; init; } = 10_000;

    public bool Selects(Rule rule) => Suites.Contains(rule.Suite);
}
