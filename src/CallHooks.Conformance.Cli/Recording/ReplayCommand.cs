using System.CommandLine;
using System.Text;
using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Recordings;
using CallHooks.Conformance.Reporting;
using CallHooks.Conformance.Results;
using CallHooks.Conformance.Secrets;

namespace CallHooks.Conformance.Cli.Recording;

/// <summary>
/// <c>callhooks replay PATH... --target URL</c>: resends recorded requests byte for byte in the recorded order with the
/// recorded pauses (<c>--pace</c> scales them; 0 sends at once), judges each answer as a run does (a 2xx within the
/// provider's budget) and writes the same reports. Values masked at recording are dropped from the replay unless
/// <c>--basic</c> gives the credentials again; the run says which.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Recordings: callhooks recording.json (or its folder), WireMock journals or mappings, HAR files.",
            Arity = ArgumentArity.OneOrMore,
        };
        var target = new Option<string?>("--target")
        {
            Description = "Your listener's base URL; each recorded path and query is appended.",
            HelpName = "URL",
        };
        var pace = new Option<string?>("--pace")
        {
            Description = "Scale the recorded pauses (0.5 = twice as fast, 0 = no pauses; default 1).",
            HelpName = "FACTOR",
        };
        var output = new Option<string?>("--out")
        {
            Description = "The folder for the reports (default reports/<time>).",
            HelpName = "DIR",
        };
        var basic = new Option<string?>("--basic")
        {
            Description = "Basic credentials user:pass, for recordings whose Authorization was masked.",
            HelpName = "USER:PASS",
        };
        var command = new Command(
            "replay",
            "Resend recorded requests byte for byte with the recorded pauses, and judge the answers as a run does."
        )
        {
            paths,
            target,
            pace,
            output,
            basic,
        };
        command.SetAction(
            async (parsed, cancellationToken) =>
            {
                var problems = new List<string>();
                var url =
                    parsed.GetValue(target) is { } text
                    && Uri.TryCreate(text, UriKind.Absolute, out var uri)
                    && uri.Scheme is "http" or "https"
                        ? uri
                        : null;
                if (url is null)
                    problems.Add(
                        parsed.GetValue(target) is { } bad
                            ? $"--target '{bad}': must be an absolute http or https URL"
                            : "--target URL is required: your listener's base URL"
                    );
                var factor = 1.0;
                if (
                    parsed.GetValue(pace) is { } paceText
                    && !(
                        double.TryParse(
                            paceText,
                            System.Globalization.NumberStyles.Float,
                            System.Globalization.CultureInfo.InvariantCulture,
                            out factor
                        )
                        && factor >= 0
                        && double.IsFinite(factor)
                    )
                )
                    problems.Add($"--pace '{paceText}': must be a number 0 or above (1 = the recorded pauses)");
                var credentials = parsed.GetValue(basic);
                if (credentials is not null && credentials.IndexOf(':', StringComparison.Ordinal) <= 0)
                    problems.Add("--basic: expected user:pass (a user name, a colon, then the password)");
                if (problems.Count > 0)
                    throw new UsageException(problems);
                var inputs = RecordingInputs.Read(parsed.GetValue(paths) ?? []);
                await inputs.ReportUnplacedAsync(console.Error, "replay").ConfigureAwait(false);
                var groups = Groups(inputs, credentials, out var dropped);
                if (dropped > 0)
                    await console
                        .Error.WriteLineAsync(
                            $"callhooks replay: {dropped} header(s) masked when recorded are not sent (give --basic for Authorization)"
                        )
                        .ConfigureAwait(false);
                var time = TimeProvider.System;
                var started = time.GetUtcNow();
                var dispatcher = WebhookDispatcher.ForConformance(TimeSpan.FromSeconds(5), TlsTrust.System, time);
                var replay = new RecordingReplay(dispatcher, time, url!, factor);
                var interrupted = false;
                IReadOnlyList<ScenarioResult> scenarios;
                try
                {
                    scenarios = await replay.PlayAsync(groups, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    interrupted = true;
                    scenarios = [];
                }

                var secrets = credentials is null ? [] : new[] { credentials[(credentials.IndexOf(':', StringComparison.Ordinal) + 1)..] };
                var result = new RunResult
                {
                    Tool = "callhooks",
                    Version = typeof(ReplayCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
                    Seed = 0,
                    Target = url!.ToString(),
                    EmbeddedListener = false,
                    Options = new Dictionary<string, string>
                    {
                        ["replay"] = string.Join(" ", parsed.GetValue(paths) ?? []),
                        ["pace"] = factor.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    },
                    CommandLine = Redactor.Text(
                        secrets,
                        "callhooks replay " + string.Join(" ", parsed.Tokens.Select(token => token.Value))
                    ),
                    StartedAt = started,
                    FinishedAt = time.GetUtcNow(),
                    Scenarios = scenarios,
                    Interrupted = interrupted,
                };
                var folder = parsed.GetValue(output)
                    ?? Path.Combine("reports", started.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture));
                Directory.CreateDirectory(folder);
                ConsoleSummary.Write(result, console.Out);
                foreach (var outcome in ReportSet.WriteAll(result, folder))
                    await console.Out.WriteLineAsync(outcome.ToString()).ConfigureAwait(false);
                return result.AllPassed ? ExitCodes.Passed
                    : interrupted ? ExitCodes.Interrupted
                    : ExitCodes.ConformanceFailures;
            }
        );
        return command;
    }

    /// <summary>Recognized calls, then each file's unrecognized requests, which are replayed all the same.</summary>
    private static List<RecordingReplay.Group> Groups(RecordingInputs inputs, string? credentials, out int dropped)
    {
        var masked = 0;
        RecordedExchange Unmask(RecordedExchange exchange)
        {
            var headers = new List<RecordedHeader>();
            foreach (var header in exchange.Headers)
            {
                if (credentials is not null && header.Name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
                    headers.Add(header with { Value = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)) });
                else if (header.Value.Contains(Redactor.Mask, StringComparison.Ordinal))
                    masked++;
                else
                    headers.Add(header);
            }

            return exchange with
            {
                Headers = headers,
            };
        }

        var groups = ImportedCall
            .Group(inputs.Recognized)
            .Select(call => new RecordingReplay.Group(
                call.Provider,
                call.Name,
                call.CallId,
                [.. call.Events.Select(item => Unmask(item.Exchange))],
                [.. call.Events.Select(item => item.Recognition.Event)],
                call.Events[0].Recognition.Sample.Profile.TimeBudget
            ))
            .ToList();
        var recognized = inputs.Recognized.Select(item => item.Exchange).ToHashSet();
        var rest = inputs.Exchanges.Where(exchange => !recognized.Contains(exchange)).ToList();
        if (rest.Count > 0)
            groups.Add(
                new RecordingReplay.Group(
                    "unrecognized",
                    "unrecognized-requests",
                    "-",
                    [.. rest.Select(Unmask)],
                    [.. rest.Select(exchange => exchange.Origin)],
                    TimeSpan.FromSeconds(5)
                )
            );
        dropped = masked;
        return groups;
    }
}
