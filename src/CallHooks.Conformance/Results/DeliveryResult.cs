using CallHooks.Conformance.Delivery;

namespace CallHooks.Conformance.Results;

/// <summary>One event of a call: the request as sent (secrets redacted), what came back, and the verdict.</summary>
internal sealed record DeliveryResult
{
    /// <summary>The provider's event id, e.g. call_state <c>"6"</c>.</summary>
    public required string Event { get; init; }

    /// <summary>For a rule's probe, what was done to the request (e.g. <c>without credentials</c>); null for scenario deliveries.</summary>
    public string? Probe { get; init; }

    /// <summary>Zero-based position in the scenario.</summary>
    public required int Index { get; init; }

    /// <summary>The panel webhook it was sent to (its name); null for the command line's one webhook.</summary>
    public string? Webhook { get; init; }

    /// <summary>When the event happens in call time (the time written into the payload).</summary>
    public required DateTimeOffset EventTime { get; init; }

    public required RequestRecord Request { get; init; }

    public required Observation Observation { get; init; }

    /// <summary>The expectation that was applied, in words (e.g. <c>status 2xx within 5s</c>).</summary>
    public required string Expected { get; init; }

    /// <summary>Each failed expectation as a sentence; empty when the delivery passed.</summary>
    public required IReadOnlyList<string> Failures { get; init; }

    /// <summary>Attempts before the judged one (Twilio's first try without credentials); empty for most deliveries.</summary>
    public IReadOnlyList<DeliveryAttempt> EarlierAttempts { get; init; } = [];

    /// <summary>
    /// Set when this delivery was slow only because the listener was still busy with an earlier one (head-of-line
    /// blocking), naming that delivery; null otherwise. See <see cref="Running.HeadOfLineBlocking"/>.
    /// </summary>
    public string? QueuedBehind { get; init; }

    public bool Passed => Failures.Count == 0;
}
