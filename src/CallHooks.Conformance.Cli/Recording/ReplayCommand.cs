using System.CommandLine;
using System.Text;
using CallHooks.Conformance.Cli.Commands;
using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Recordings;
using CallHooks.Conformance.Reporting;
using CallHooks.Conformance.Results;
using CallHooks.Conformance.Secrets;

namespace CallHooks.Conformance.Cli.Recording;

/// <summary>
/// <c>callhooks replay PATH... --target URL</c>: resends recorded requests byte for byte in the recorded order with the
/// recorded pauses (<c>--pace</c> scales them; 0 sends at once), judges each answer as a run does (a 2xx within the
/// provider's budget) and writes the same reports. Headers masked at recording are not sent unless <c>--basic</c> or
/// <c>--header</c> gives them again; a body or target that still holds a mask is sent as recorded, and the run says so.
/// </summary>
internal static class ReplayCommand
{
    /// <summary>Pauses longer than this many times the recorded ones make no sense and would overflow a timer.</summary>
    private const double MaxPace = 100;

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
        var headers = new Option<string[]>("--header")
        {
            Description =
                "A header sent with every request, replacing the recorded one (a masked X-Webhook-Token, say); its value is a secret.",
            HelpName = "\"Name: value\"",
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
            headers,
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
                        ) && factor is >= 0 and <= MaxPace
                    )
                )
                    problems.Add($"--pace '{paceText}': must be a number from 0 to {MaxPace} (1 = the recorded pauses)");
                // Parsed as a run parses them: the same checks, the same messages, nothing secret echoed.
                var credentials = RunOptionsParser.ParseBasic(parsed.GetValue(basic), problems);
                var given = (parsed.GetValue(headers) ?? [])
                    .Select(header => RunOptionsParser.ParseHeader(header, problems))
                    .OfType<HeaderSpec>()
                    .ToList();
                if (problems.Count > 0)
                    throw new UsageException(problems);
                var inputs = RecordingInputs.Read(parsed.GetValue(paths) ?? []);
                if (inputs.Exchanges.Select(RecordingReplay.Unsendable).OfType<string>().ToList() is { Count: > 0 } unsendable)
                    throw new UsageException(unsendable);
                await inputs.ReportUnplacedAsync(console.Error, "replay").ConfigureAwait(false);
                var auth = new WebhookConfig
                {
                    Target = url!,
                    Headers = given,
                    Basic = credentials,
                };
                var groups = Groups(inputs, auth, out var dropped, out var stillMasked);
                if (groups.Count == 0)
                {
                    await console
                        .Error.WriteLineAsync("callhooks replay: nothing to replay: the recordings hold no request that can be sent")
                        .ConfigureAwait(false);
                    return ExitCodes.ConformanceFailures;
                }

                if (dropped > 0)
                    await console
                        .Error.WriteLineAsync(
                            $"callhooks replay: {dropped} header(s) masked when recorded are not sent (give them with --basic or --header)"
                        )
                        .ConfigureAwait(false);
                if (stillMasked > 0)
                    await console
                        .Error.WriteLineAsync(
                            $"callhooks replay: {stillMasked} request(s) carry {Redactor.Mask} in the path, query or body where a secret was masked at recording; they are sent as recorded, not as the provider sent them"
                        )
                        .ConfigureAwait(false);
                var secrets = given.Select(header => header.Value).Concat(credentials is null ? [] : [credentials.Password]).ToList();
                var time = TimeProvider.System;
                var started = time.GetUtcNow();
                var folder = parsed.GetValue(output)
                    ?? Path.Combine("reports", started.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture));
                using var dispatcher = WebhookDispatcher.ForConformance(TimeSpan.FromSeconds(5), TlsTrust.System, time);
                var replay = new RecordingReplay(dispatcher, time, factor, auth);
                var scenarios = await replay.PlayAsync(groups, cancellationToken).ConfigureAwait(false);
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
                    CommandLine = Redactor.Text(secrets, "callhooks " + string.Join(" ", parsed.Tokens.Select(token => token.Value))),
                    StartedAt = started,
                    FinishedAt = time.GetUtcNow(),
                    Scenarios = scenarios,
                    Interrupted = cancellationToken.IsCancellationRequested,
                    Replay = true,
                };
                try
                {
                    Directory.CreateDirectory(folder);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new UsageException($"--out {folder}: cannot write the reports there: {e.Message}");
                }

                ConsoleSummary.Write(result, console.Out);
                foreach (var outcome in ReportSet.WriteAll(result, folder))
                    await console
                        .Out.WriteLineAsync(
                            outcome.Error is null ? $"wrote {outcome.File}" : $"could not write {outcome.File}: {outcome.Error}"
                        )
                        .ConfigureAwait(false);
                return result.Interrupted ? ExitCodes.Interrupted
                    : result.AllPassed ? ExitCodes.Passed
                    : ExitCodes.ConformanceFailures;
            }
        );
        return command;
    }

    /// <summary>Recognized calls, then the unrecognized requests (in recorded order), which are replayed all the same.</summary>
    private static List<RecordingReplay.Group> Groups(RecordingInputs inputs, WebhookConfig auth, out int dropped, out int stillMasked)
    {
        var given = new HashSet<string>(auth.Headers.Select(header => header.Name), StringComparer.OrdinalIgnoreCase);
        if (auth.Basic is not null)
            given.Add("Authorization");
        var masked = 0;
        // A header masked at recording cannot be sent as it was; one given again replaces it (RecordingReplay.Request).
        RecordedExchange Prepare(RecordedExchange exchange)
        {
            var kept = exchange
                .Headers.Where(header => given.Contains(header.Name) || !header.Value.Contains(Redactor.Mask, StringComparison.Ordinal))
                .ToList();
            masked += exchange.Headers.Count - kept.Count;
            return exchange with { Headers = kept };
        }

        var groups = ImportedCall
            .Group(inputs.Recognized)
            .Select(call => new RecordingReplay.Group(
                call.Provider,
                call.BaseName,
                call.CallId,
                [.. call.Events.Select(item => Prepare(item.Exchange))],
                [.. call.Events.Select(item => item.Recognition.Event)],
                call.Events[0].Recognition.Sample.Profile.TimeBudget
            ))
            .ToList();
        var recognized = inputs.Recognized.Select(item => item.Exchange).ToHashSet(ReferenceEqualityComparer.Instance);
        var rest = inputs.Exchanges.Where(exchange => !recognized.Contains(exchange)).OrderBy(exchange => exchange.At).ToList();
        if (rest.Count > 0)
            groups.Add(
                new RecordingReplay.Group(
                    "unrecognized",
                    "unrecognized-requests",
                    "-",
                    [.. rest.Select(Prepare)],
                    [.. rest.Select(exchange => exchange.Origin)],
                    TimeSpan.FromSeconds(5)
                )
            );
        dropped = masked;
        stillMasked = inputs.Exchanges.Count(exchange =>
            exchange.Target.Contains(Redactor.Mask, StringComparison.Ordinal)
            || Encoding.UTF8.GetString(exchange.Body).Contains(Redactor.Mask, StringComparison.Ordinal)
        );
        return groups;
    }
}
