namespace CallHooks.Conformance.Input;

/// <summary>A problem in an input file (a scenario, a panel file), located like a compiler error: <c>path:line:column: message</c>.</summary>
internal sealed record LocatedError(string Path, int Line, int Column, string Message)
{
    public override string ToString() => Line > 0 ? $"{Path}:{Line}:{Column}: {Message}" : $"{Path}: {Message}";
}
