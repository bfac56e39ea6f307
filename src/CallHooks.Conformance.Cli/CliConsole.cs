namespace CallHooks.Conformance.Cli;

/// <summary>Where a command writes: results to <see cref="Out"/>, problems and progress to <see cref="Error"/>.</summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>True when stderr is a terminal: live displays may move the cursor; otherwise plain lines only.</summary>
    public bool Interactive { get; init; }

    /// <summary>
    /// Fires on a second interruption (Ctrl-C or SIGTERM again): deliveries still in flight are cut off at once instead
    /// of after the grace period, and the reports are still written. The first interruption is the command's token.
    /// </summary>
    public CancellationToken AbortNow { get; init; }

    /// <summary>
    /// An ASP.NET Core app in this process to hand webhooks to instead of sending them over a network (the NUnit
    /// integration's in-process mode); null for a real run.
    /// </summary>
    public HttpMessageHandler? InProcess { get; init; }

    /// <summary>The process environment, as a run reads it (CI variables such as GITHUB_ACTIONS); tests give their own.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>
    /// Parse and validate the command line, then stop before doing anything (exit 0 when it is valid): how the CI
    /// templates' command lines are held to the real parser.
    /// </summary>
    public bool ValidateOnly { get; init; }
}
