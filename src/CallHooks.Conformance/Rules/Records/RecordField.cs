namespace CallHooks.Conformance.Rules.Records;

/// <summary>
/// Where the listener's record keeps one fact of the call (<c>--verify-field caller=$.client_number</c>): the rules
/// compare it with the generated call instead of searching the whole record for text.
/// </summary>
/// <param name="Name">Which fact: <c>caller</c>, <c>status</c>, <c>agent</c> or <c>duration</c>.</param>
/// <param name="Path">A JSON path into the record, e.g. <c>$.client_number</c> or <c>$.legs[0].agent</c>.</param>
internal sealed record RecordField(string Name, string Path)
{
    public static readonly IReadOnlyList<string> Names = ["caller", "status", "agent", "duration"];

    /// <summary>Why <paramref name="path"/> is not a JSON path the rules can read; null when it is.</summary>
    public static string? PathProblem(string path) => JsonPathLite.Parse(path).Problem;

    public override string ToString() => $"{Name} ({Path})";
}
