namespace CallHooks.Conformance.Scenarios.Schema;

/// <summary>
/// A violation plus what oneOf/anyOf need to pick the most helpful branch: whether it is a type
/// mismatch, and which types were expected.
/// </summary>
internal sealed record ValidationIssue(
    string Pointer,
    string Message,
    IReadOnlyList<string>? ExpectedTypes = null,
    string? ActualType = null
)
{
    public bool IsTypeMismatchAt(string pointer) => ExpectedTypes is not null && Pointer == pointer;

    public static ValidationIssue TypeMismatch(string pointer, IReadOnlyList<string> expected, string actual) =>
        new(pointer, $"expected {JoinOr(expected)}, got {actual}", expected, actual);

    /// <summary>"string", "string or null", "string, array or null".</summary>
    private static string JoinOr(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];

    public SchemaViolation ToViolation() => new(Pointer, Message);
}
