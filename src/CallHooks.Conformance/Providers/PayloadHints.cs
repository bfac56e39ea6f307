namespace CallHooks.Conformance.Providers;

/// <summary>
/// What robustness rules may do to one event's payload: which fields the provider documents as optional (a listener
/// must not insist on them) and which free-text fields can carry odd text. Names are what a scenario's <c>set</c> and
/// <c>unset</c> take for the profile: JSON members, form parameters, or template variables.
/// </summary>
/// <param name="OptionalFields">Fields a listener must tolerate missing or empty.</param>
/// <param name="TextFields">Free-text fields that may carry non-Latin or very long text.</param>
/// <param name="KeysNote">
/// Set when the user, not the provider, decides the payload's keys (a template): why a provider release cannot add a
/// field the listener has not seen, so the rule for unknown extra fields does not apply.
/// </param>
internal sealed record PayloadHints(IReadOnlyList<string> OptionalFields, IReadOnlyList<string> TextFields, string? KeysNote = null)
{
    public static PayloadHints None { get; } = new([], []);

    public bool IsEmpty => OptionalFields.Count == 0 && TextFields.Count == 0;
}
