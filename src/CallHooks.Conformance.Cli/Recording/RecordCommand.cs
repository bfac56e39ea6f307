using System.CommandLine;
using CallHooks.Conformance.Cli.Commands;

namespace CallHooks.Conformance.Cli.Recording;

/// <summary>
/// <c>callhooks record --port N --forward-to URL</c>: stands between the real provider (through your tunnel or ingress)
/// and your listener, forwards every request and the listener's answer unchanged, and writes each exchange with its
/// timing to recording.json, secrets masked. Stops on Ctrl-C, or after <c>--count</c> exchanges.
/// </summary>
internal static class RecordCommand
{
    public static Command Create(CliConsole console)
    {
        var port = new Option<string?>("--port")
        {
            Description = "The loopback port the provider's requests arrive on (0 = any free one; default 0).",
            HelpName = "N",
        };
        var forwardTo = new Option<string?>("--forward-to")
        {
            Description = "Your listener's base URL; each request's path and query are appended.",
            HelpName = "URL",
        };
        var output = new Option<string?>("--out")
        {
            Description = "The folder for recording.json (default: recording/ in the working folder).",
            HelpName = "DIR",
        };
        var secretHeaders = new Option<string[]>("--secret-header")
        {
            Description = "A header whose value is masked in the recording, beside Authorization (repeatable).",
            HelpName = "NAME",
        };
        var secrets = new Option<string[]>("--secret")
        {
            Description = "A secret (a signing key, a token) masked wherever it appears in the recording (repeatable).",
            HelpName = "SECRET",
        };
        var keep = new Option<bool>("--keep-secrets")
        {
            Description = "Record credentials and secrets as they were sent (the file then holds them).",
        };
        var count = new Option<string?>("--count")
        {
            Description = "Stop after this many exchanges (default: run until Ctrl-C).",
            HelpName = "N",
        };
        var command = new Command(
            "record",
            "Sit between the real provider and your listener, forward everything unchanged, and record each exchange."
        )
        {
            port,
            forwardTo,
            output,
            secretHeaders,
            secrets,
            keep,
            count,
        };
        command.SetAction(
            async (parsed, cancellationToken) =>
            {
                var problems = new List<string>();
                var listenPort = RuleOptionsParser.ParsePort(parsed.GetValue(port), problems, "--port") ?? 0;
                var upstream = parsed.GetValue(forwardTo) is { } text
                    ? Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                        ? uri
                        : Fail(problems, $"--forward-to '{text}': must be an absolute http or https URL")
                    : Fail(problems, "--forward-to URL is required: your listener's base URL, where each request is forwarded");
                int? stopAfter = null;
                if (parsed.GetValue(count) is { } countText)
                    stopAfter =
                        int.TryParse(
                            countText,
                            System.Globalization.NumberStyles.None,
                            System.Globalization.CultureInfo.InvariantCulture,
                            out var n
                        )
                        && n > 0
                            ? n
                            : Fail<int?>(problems, $"--count '{countText}': must be a whole number above 0");
                if (problems.Count > 0)
                    throw new UsageException(problems);
                var keepSecrets = parsed.GetValue(keep);
                var mask = new RecordingMask(parsed.GetValue(secretHeaders) ?? [], parsed.GetValue(secrets) ?? [], keepSecrets);
                var folder = parsed.GetValue(output) ?? Path.Combine(Environment.CurrentDirectory, "recording");
                using var recorder = Recorder.Start(listenPort, upstream!, mask, folder, TimeProvider.System, stopAfter);
                if (keepSecrets)
                    await console
                        .Error.WriteLineAsync(
                            "callhooks record: warning: --keep-secrets: the recording holds credentials and secrets as sent; do not commit it"
                        )
                        .ConfigureAwait(false);
                await console
                    .Error.WriteLineAsync(
                        $"callhooks record: listening on {recorder.Url}, forwarding to {mask.Url(upstream!)}; writing {recorder.File}"
                    )
                    .ConfigureAwait(false);
                try
                {
                    await recorder.Enough.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl-C ends a recording; every exchange so far is already in the file.
                }
                catch (UsageException problem)
                {
                    await console.Error.WriteLineAsync("callhooks record: " + problem.Message).ConfigureAwait(false);
                    await console
                        .Out.WriteLineAsync($"callhooks record: {recorder.Count} exchange(s) forwarded; the file is behind")
                        .ConfigureAwait(false);
                    return ExitCodes.InternalError;
                }

                await console
                    .Out.WriteLineAsync($"callhooks record: {recorder.Count} exchange(s) in {recorder.File}")
                    .ConfigureAwait(false);
                return ExitCodes.Passed;
            }
        );
        return command;
    }

    private static Uri? Fail(List<string> problems, string problem) => Fail<Uri?>(problems, problem);

    private static T Fail<T>(List<string> problems, string problem)
    {
        problems.Add(problem);
        return default!;
    }
}
