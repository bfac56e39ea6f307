using System.CommandLine;
using System.Security.Cryptography;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary><c>callhooks run</c>: play scenarios against a listener and report.</summary>
internal static class RunCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new RunOptions();
        var command = new Command(
            "run",
            "Play call scenarios against a webhook listener, check its answers, and write results.json and junit.xml."
        );
        foreach (var option in options.All)
            command.Add(option);
        command.SetAction(
            (parsed, cancellationToken) =>
            {
                var settings = RunOptionsParser.Parse(
                    parsed,
                    options,
                    () => RandomNumberGenerator.GetInt32(int.MaxValue),
                    console.Environment
                );
                if (console.ValidateOnly)
                    return Task.FromResult(ExitCodes.Passed);
                var tokens = parsed.Tokens.Select(token => token.Value).ToList();
                return new RunExecutor(console, TimeProvider.System).ExecuteAsync(settings, tokens, cancellationToken);
            }
        );
        return command;
    }
}
