using CallHooks.Conformance.Rules.Records;

namespace CallHooks.Conformance.Scenarios;

/// <summary>
/// A request the mock CRM must receive for the scenario's call (rule CRM-002), from a scenario file's
/// <c>downstream.requests</c>: its method and path when given, how many, and the values its JSON body carries,
/// written against the call (<c>"$.caller": "{call.caller.national}"</c>).
/// </summary>
/// <param name="Count">Exactly this many such requests for the call; null for at least one.</param>
/// <param name="Fields">JSON path, its text as written, and the expected value's template.</param>
internal sealed record CrmRequestExpectation(
    string? Method,
    string? Path,
    int? Count,
    IReadOnlyList<(JsonPathLite Path, string PathText, string Template)> Fields
)
{
    /// <summary>"POST /crm/calls with $.caller, $.status": the expectation in a failure message.</summary>
    public string Describe() =>
        $"{Method ?? "a request"}{(Path is null ? "" : " " + Path)}{(Fields.Count == 0 ? "" : " with " + string.Join(", ", Fields.Select(field => field.PathText)))}";
}
