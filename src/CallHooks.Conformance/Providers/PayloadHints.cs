namespace CallHooks.Conformance.Providers;

/// <summary>
/// What robustness rules may do to a profile's payload: which fields the provider documents as optional (a
/// listener must not insist on them) and which free-text fields can carry odd text. A profile without hints
/// is skipped by those rules, with the reason recorded.
/// </summary>
/// <param name="OptionalFields">Fields a listener must tolerate missing or empty.</param>
/// <param name="TextFields">Free-text fields that may carry non-Latin or very long text.</param>
public sealed record PayloadHints(IReadOnlyList<string> OptionalFields, IReadOnlyList<string> TextFields)
{
    public static PayloadHints None { get; } = new([], []);

    public bool IsEmpty => OptionalFields.Count == 0 && TextFields.Count == 0;
}
