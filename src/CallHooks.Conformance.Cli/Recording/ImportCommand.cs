using System.CommandLine;
using System.Text.Json;
using CallHooks.Conformance.Recordings;
using CallHooks.Conformance.Reporting;
using CallHooks.Conformance.Scenarios;

namespace CallHooks.Conformance.Cli.Recording;

/// <summary>
/// <c>callhooks import PATH... --out DIR</c>: recorded traffic into scenario files, one per call, each event with its
/// recorded pause and the recorded values the profile would not generate as <c>set</c>. A request that cannot be
/// placed is listed with why; an unreadable file stops the import before anything is written (exit 2).
/// </summary>
internal static class ImportCommand
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Recordings: callhooks recording.json (or its folder), WireMock journals or mappings, HAR files.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string?>("--out")
        {
            Description = "Where the scenario files go (default scenarios/recorded).",
            HelpName = "DIR",
        };
        var command = new Command(
            "import",
            "Turn recorded traffic into scenarios: one per call, with its events, pauses and recorded values."
        )
        {
            paths,
            output,
        };
        command.SetAction(
            async (parsed, _) =>
            {
                var inputs = RecordingInputs.Read(parsed.GetValue(paths) ?? []);
                await inputs.ReportUnplacedAsync(console.Error, "import").ConfigureAwait(false);
                var calls = ImportedCall.Group(inputs.Recognized);
                if (calls.Count == 0)
                {
                    await console
                        .Error.WriteLineAsync(
                            $"callhooks import: none of the {inputs.Total} recorded request(s) was recognized as a provider's webhook; nothing written"
                        )
                        .ConfigureAwait(false);
                    return ExitCodes.ConformanceFailures;
                }

                var folder = parsed.GetValue(output) ?? Path.Combine("scenarios", "recorded");
                var names = ImportedCall.Names(calls);
                var files = calls
                    .Select(
                        (call, index) =>
                            (
                                Call: call,
                                Path: Path.Combine(folder, names[index] + ".json"),
                                Json: call.ToScenario(names[index]).ToJsonString(Indented) + "\n"
                            )
                    )
                    .ToList();
                try
                {
                    Directory.CreateDirectory(folder);
                    foreach (var file in files)
                        AtomicFile.Write(file.Path, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(file.Json)));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new UsageException($"--out {folder}: cannot write the scenarios there: {e.Message}");
                }

                foreach (var file in files)
                    await console
                        .Out.WriteLineAsync(
                            $"wrote {file.Path}: {file.Call.Provider}, {file.Call.Events.Count} event(s) of call {file.Call.CallId}"
                        )
                        .ConfigureAwait(false);

                // What was written must load as a scenario; anything else is a bug here, not the user's.
                var check = ScenarioLibrary.LoadFiles(files.Select(file => file.Path));
                if (check.Errors.Count > 0)
                    throw new InvalidOperationException("an imported scenario does not load: " + string.Join("; ", check.Errors));

                await console
                    .Out.WriteLineAsync(
                        $"callhooks import: {calls.Count} scenario(s) from {inputs.Recognized.Count} of {inputs.Total} request(s); play them with callhooks run --scenarios {folder}"
                    )
                    .ConfigureAwait(false);
                return ExitCodes.Passed;
            }
        );
        return command;
    }
}
