namespace CallHooks.Conformance.Cli;

/// <summary>Invalid input found by a command: each problem is one line for the user; the exit code is 2.</summary>
internal sealed class UsageException(IReadOnlyList<string> problems) : Exception(string.Join(Environment.NewLine, problems))
{
    public UsageException(string problem)
        : this([problem]) { }

    public IReadOnlyList<string> Problems { get; } = problems;
}
