namespace CallHooks.Conformance.Scenarios;

/// <summary>A problem in a scenario file, located like a compiler error: <c>path:line:column: message</c>.</summary>
internal sealed record ScenarioError(string Path, int Line, int Column, string Message)
{
    public override string ToString() => Line > 0 ? $"{Path}:{Line}:{Column}: {Message}" : $"{Path}: {Message}";
}
