namespace CallHooks.Conformance.Expectations;

/// <summary>
/// What a listener must answer to one delivery. Unset parts are inherited: step, then scenario,
/// then the profile's default (a 2xx within its time budget).
/// </summary>
internal sealed record ExpectationSpec
{
    public static readonly ExpectationSpec Empty = new();

    public StatusExpectation? Status { get; init; }

    /// <summary>Latency budget from sending the request to the end of the response body.</summary>
    public TimeSpan? Within { get; init; }

    /// <summary>The response body must contain this text (ordinal comparison).</summary>
    public string? BodyContains { get; init; }

    /// <summary>The response body must match this regular expression.</summary>
    public string? BodyMatches { get; init; }

    /// <summary>Fills every unset part of this spec from <paramref name="fallback"/>.</summary>
    public ExpectationSpec Over(ExpectationSpec fallback) =>
        new()
        {
            Status = Status ?? fallback.Status,
            Within = Within ?? fallback.Within,
            BodyContains = BodyContains ?? fallback.BodyContains,
            BodyMatches = BodyMatches ?? fallback.BodyMatches,
        };
}
