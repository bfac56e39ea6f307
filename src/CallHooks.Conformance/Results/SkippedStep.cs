namespace CallHooks.Conformance.Results;

/// <summary>A scenario step that was not sent because the provider would not send it under the run's configuration.</summary>
/// <param name="Index">Zero-based position in the scenario.</param>
/// <param name="Event">The provider's event id.</param>
/// <param name="Reason">Why it was not sent, as a sentence naming the option that decides it.</param>
internal sealed record SkippedStep(int Index, string Event, string Reason)
{
    /// <summary>The panel webhook that stayed silent; null when no webhook sent the event (or for the command line's one webhook).</summary>
    public string? Webhook { get; init; }
}
