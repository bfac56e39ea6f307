namespace CallHooks.Conformance.Cli;

/// <summary>Where a command writes: results to <see cref="Out"/>, problems and progress to <see cref="Error"/>.</summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>True when stderr is a terminal: live displays may move the cursor; otherwise plain lines only.</summary>
    public bool Interactive { get; init; }
}
