using CallHooks.Conformance.Reporting.GitHub;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>
/// Inside GitHub Actions (<c>GITHUB_ACTIONS=true</c>): report.md is appended to the job summary
/// (<c>$GITHUB_STEP_SUMMARY</c>), and each failed scenario or broken rule becomes an annotation on stdout.
/// Elsewhere nothing changes.
/// </summary>
internal static class GitHubActionsOutput
{
    public static async Task WriteAsync(RunResult result, string reports, CliConsole console)
    {
        if (console.Environment("GITHUB_ACTIONS") != "true")
            return;
        var markdown = Path.Combine(reports, "report.md");
        if (console.Environment("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary && File.Exists(markdown))
        {
            try
            {
                await File.AppendAllTextAsync(summary, await File.ReadAllTextAsync(markdown).ConfigureAwait(false) + "\n")
                    .ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                await console
                    .Error.WriteLineAsync($"callhooks: warning: job summary not written: {exception.Message}")
                    .ConfigureAwait(false);
            }
        }

        foreach (var annotation in GitHubAnnotations.For(result))
            await console.Out.WriteLineAsync(annotation).ConfigureAwait(false);
    }
}
