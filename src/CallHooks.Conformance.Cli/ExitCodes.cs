namespace CallHooks.Conformance.Cli;

/// <summary>The process exit codes: part of the interface, documented in the README.</summary>
internal static class ExitCodes
{
    /// <summary>Every scenario passed.</summary>
    public const int Passed = 0;

    /// <summary>The run completed and at least one expectation failed.</summary>
    public const int ConformanceFailures = 1;

    /// <summary>Invalid input or usage; nothing was sent.</summary>
    public const int InvalidInput = 2;

    /// <summary>A bug or an environment problem in the harness itself.</summary>
    public const int InternalError = 3;

    /// <summary>Interrupted by Ctrl-C or SIGTERM; reports hold every delivery that completed (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
