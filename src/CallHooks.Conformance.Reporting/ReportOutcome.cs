namespace CallHooks.Conformance.Reporting;

/// <summary>What happened to one report file.</summary>
/// <param name="File">The report's path: the directory given to <see cref="ReportSet.WriteAll(Results.RunResult, string)"/> plus its file name.</param>
/// <param name="Error">Why writing it failed, or null when it was written.</param>
internal sealed record ReportOutcome(string File, string? Error)
{
    public bool Succeeded => Error is null;
}
