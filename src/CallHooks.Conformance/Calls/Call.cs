namespace CallHooks.Conformance.Calls;

/// <summary>
/// The canonical, provider-neutral record of one generated call. Provider profiles only translate it
/// into their own wire format; they never invent data of their own, so every profile stays reproducible
/// from the same seed.
/// </summary>
internal sealed record Call
{
    public required CallType Type { get; init; }

    public required CallOutcome Outcome { get; init; }

    /// <summary>When the call reached the platform, truncated to whole seconds (providers print seconds).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>The customer's number: the caller on incoming calls, the callee on outbound ones.</summary>
    public required PhoneNumber Customer { get; init; }

    /// <summary>The company's service (DID) number the call went through.</summary>
    public required PhoneNumber ServiceNumber { get; init; }

    /// <summary>Agents rung for this call, in ring order; the first one answers connected calls.</summary>
    public required IReadOnlyList<Agent> Agents { get; init; }

    /// <summary>
    /// Agents rung before <see cref="Agents"/> who were busy (rejected the ring), in ring order; usually none. Only
    /// profiles with a leg per agent tried put them on the wire.
    /// </summary>
    public IReadOnlyList<Agent> BusyAgents { get; init; } = [];

    /// <summary>Seconds the customer or agents heard ringing before the outcome.</summary>
    public required int RingSeconds { get; init; }

    /// <summary>Seconds of conversation; zero unless <see cref="Outcome"/> is Connected.</summary>
    public required int TalkSeconds { get; init; }

    public required string CompanyId { get; init; }

    /// <summary>A 16-hex-digit log id.</summary>
    public required string LogId { get; init; }

    /// <summary>Platform node that handled the call, e.g. <c>n2</c>.</summary>
    public required string Node { get; init; }

    /// <summary>Per-node sequence number of the call.</summary>
    public required long Sequence { get; init; }

    /// <summary>Campaign reference for outbound dialer calls; null otherwise.</summary>
    public string? ReferenceId { get; init; }

    public required string PublicIvrId { get; init; }

    public required string ClientRefId { get; init; }

    /// <summary>32 seeded hex digits from which profiles derive ids of their own shape (Twilio's CallSid, ...).</summary>
    public required string Entropy { get; init; }

    public bool IsOutgoing => Type is not CallType.Incoming;

    public DateTimeOffset AnsweredAt => StartedAt.AddSeconds(RingSeconds);

    public DateTimeOffset EndedAt => AnsweredAt.AddSeconds(TalkSeconds);
}
