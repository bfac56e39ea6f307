using System.CommandLine;
using System.Text.Json;
using CallHooks.Conformance.Recordings;
using CallHooks.Conformance.Reporting;

namespace CallHooks.Conformance.Cli.Recording;

/// <summary>
/// <c>callhooks fidelity PATH...</c>: recorded real traffic against what the matching profile generates for the same
/// event: field names, order, types, value shapes, headers, content type. Each difference is printed (and written to
/// fidelity.json with <c>--out</c>); exit 1 when there is any, 0 when the profile agrees with every request.
/// </summary>
internal static class FidelityCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Recordings of real traffic: callhooks recording.json, WireMock journals or mappings, HAR files.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string?>("--out") { Description = "Also write the differences to DIR/fidelity.json.", HelpName = "DIR" };
        var command = new Command(
            "fidelity",
            "Compare recorded real traffic with what the matching profile generates, and report each difference."
        )
        {
            paths,
            output,
        };
        command.SetAction(
            async (parsed, _) =>
            {
                var inputs = RecordingInputs.Read(parsed.GetValue(paths) ?? []);
                await inputs.ReportUnplacedAsync(console.Error, "fidelity").ConfigureAwait(false);
                var differences = inputs
                    .Recognized.SelectMany(item =>
                        FidelityCheck.Compare(item.Exchange, item.Recognition, inputs.Recognizer.SameEvent(item.Recognition))
                    )
                    .ToList();
                foreach (var difference in differences)
                    await console.Out.WriteLineAsync(difference.ToString()).ConfigureAwait(false);
                var unplaced = inputs.Unplaced.Count;
                var verdict =
                    inputs.Recognized.Count == 0 ? ": nothing compared, no request was recognized as a provider's webhook"
                    : differences.Count > 0 ? ""
                    : unplaced > 0
                        ? $": the profiles agree on the {inputs.Recognized.Count} compared; {unplaced} could not be placed (listed above)"
                    : ": the profiles agree with the recording";
                await console
                    .Out.WriteLineAsync(
                        $"callhooks fidelity: {inputs.Recognized.Count} of {inputs.Total} request(s) compared, {differences.Count} difference(s){verdict}"
                    )
                    .ConfigureAwait(false);
                if (parsed.GetValue(output) is { } folder)
                {
                    Directory.CreateDirectory(folder);
                    var file = Path.Combine(folder, "fidelity.json");
                    AtomicFile.Write(file, stream => Write(stream, inputs, differences));
                    await console.Out.WriteLineAsync($"wrote {file}").ConfigureAwait(false);
                }

                return differences.Count == 0 && inputs.Recognized.Count > 0 ? ExitCodes.Passed : ExitCodes.ConformanceFailures;
            }
        );
        return command;
    }

    private static void Write(Stream stream, RecordingInputs inputs, IReadOnlyList<FidelityDifference> differences)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("requests", inputs.Total);
        json.WriteNumber("compared", inputs.Recognized.Count);
        json.WriteStartArray("differences");
        foreach (var difference in differences)
        {
            json.WriteStartObject();
            json.WriteString("request", difference.Origin);
            json.WriteString("provider", difference.Provider);
            json.WriteString("event", difference.Event);
            json.WriteString("kind", difference.Kind);
            json.WriteString("subject", difference.Subject);
            json.WriteString("recorded", difference.Recorded);
            json.WriteString("profile", difference.Generated);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("unplaced");
        foreach (var (origin, why) in inputs.Unplaced)
        {
            json.WriteStartObject();
            json.WriteString("request", origin);
            json.WriteString("why", why);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
