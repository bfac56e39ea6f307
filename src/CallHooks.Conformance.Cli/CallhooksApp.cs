using System.CommandLine;
using CallHooks.Conformance.Cli.Commands;

namespace CallHooks.Conformance.Cli;

/// <summary>
/// The <c>callhooks</c> command line, runnable in-process with any writers so tests see exactly what a user
/// sees. Usage errors exit 2 with one line each; unexpected exceptions exit 3 with the reason.
/// </summary>
public static class CallhooksApp
{
    /// <summary>
    /// Words that may be secrets: the values after --header, --basic and --secret, and the word after those values
    /// (a forgotten quote splits "Name: value" in two, and the parser then calls the value an unknown argument).
    /// </summary>
    private static List<string> SecretArguments(IReadOnlyList<string> args)
    {
        var suspects = new List<string>();
        for (var index = 0; index < args.Count; index++)
        {
            var name = args[index].Split('=', 2)[0];
            if (!ReplayCommandLine.SecretOptions.Contains(name))
                continue;
            if (args[index].Contains('=', StringComparison.Ordinal))
                suspects.Add(args[index][(name.Length + 1)..]);
            else if (index + 1 < args.Count)
                suspects.Add(args[index + 1]);
            if (index + 2 < args.Count && !args[index + 2].StartsWith('-'))
                suspects.Add(args[index + 2]);
        }

        return suspects
            .SelectMany(word => new[] { word }.Concat(word.Split(':', 2).Skip(1).Select(part => part.Trim())))
            .Where(word => word.Length > 0)
            .ToList();
    }

    public static Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken,
        bool interactive = false
    ) => RunAsync(args, output, error, interactive, cancellationToken, CancellationToken.None);

    /// <summary>
    /// Runs <c>callhooks run</c> with <paramref name="args"/> against an ASP.NET Core app in this process: every webhook
    /// goes to <paramref name="handler"/> (a <c>TestServer</c>'s), addressed to <c>--target</c>, which is required.
    /// Everything else (options, validation, messages, reports, exit codes) is the command line's.
    /// </summary>
    public static Task<int> RunInProcessAsync(
        IReadOnlyList<string> args,
        HttpMessageHandler handler,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken
    ) => RunAsync(args, output, error, interactive: false, handler, cancellationToken, CancellationToken.None);

    /// <param name="cancellationToken">The first interruption: stop sending, let what is in flight finish within the grace.</param>
    /// <param name="abortNow">A second interruption: cut off what is in flight at once; the reports are still written.</param>
    public static Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextWriter output,
        TextWriter error,
        bool interactive,
        CancellationToken cancellationToken,
        CancellationToken abortNow
    ) => RunAsync(args, output, error, interactive, inProcess: null, cancellationToken, abortNow);

    private static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextWriter output,
        TextWriter error,
        bool interactive,
        HttpMessageHandler? inProcess,
        CancellationToken cancellationToken,
        CancellationToken abortNow
    )
    {
        var console = new CliConsole(output, error)
        {
            Interactive = interactive,
            AbortNow = abortNow,
            InProcess = inProcess,
        };
        return await RunAsync(args, console, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs with a console of the caller's making (its writers, environment and in-process app).</summary>
    internal static async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var (output, error) = (console.Out, console.Error);
        var root = new RootCommand(
            "callhooks: a mock telephony provider that replays call scenarios against your webhook listener and checks its answers."
        )
        {
            RunCommand.Create(console),
            ListCommand.Create(console),
            ServeCommand.Create(console),
            ValidateCommand.Create(console),
            RulesCommand.Create(console),
            InitCommand.Create(console),
            CompareCommand.Create(console),
            Recording.RecordCommand.Create(console),
            Recording.ImportCommand.Create(console),
            Recording.ReplayCommand.Create(console),
            Recording.FidelityCommand.Create(console),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var suspects = SecretArguments(args);
            foreach (var problem in parsed.Errors)
                await error.WriteLineAsync("callhooks: " + Secrets.Redactor.Text(suspects, problem.Message)).ConfigureAwait(false);
            var command = parsed.CommandResult.Command;
            await error.WriteLineAsync($"Try 'callhooks {(command == root ? "" : command.Name + " ")}--help'.").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        try
        {
            // Program.cs owns Ctrl-C and SIGTERM: System.CommandLine's own handler would force exit 130/143 after
            // 2 s, possibly before the reports are written.
            var configuration = new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            };
            return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException usage)
        {
            foreach (var problem in usage.Problems)
                await error.WriteLineAsync("callhooks: " + problem).ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await error.WriteLineAsync($"callhooks: internal error: {exception.GetType().Name}: {exception.Message}").ConfigureAwait(false);
            await error.WriteLineAsync(exception.StackTrace).ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
    }
}
