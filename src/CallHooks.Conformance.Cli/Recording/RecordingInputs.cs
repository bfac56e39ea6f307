using CallHooks.Conformance.Recordings;
using CallHooks.Conformance.Scenarios;

namespace CallHooks.Conformance.Cli.Recording;

/// <summary>
/// What import, replay and fidelity read: every exchange of every file given (callhooks recordings, WireMock journals
/// and mappings, HAR), each recognized as a provider's event of a call, or listed with why it could not be.
/// Every unreadable file is reported (file:line:column, exit 2) before anything is written or sent.
/// </summary>
internal sealed record RecordingInputs(
    IReadOnlyList<RecordedExchange> Exchanges,
    IReadOnlyList<(RecordedExchange Exchange, Recognition Recognition)> Recognized,
    IReadOnlyList<(string Origin, string Why)> Unplaced,
    int Total,
    ProviderRecognizer Recognizer
)
{
    public static RecordingInputs Read(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0)
            throw new UsageException(
                "give at least one recording: a callhooks recording.json (or its folder), a WireMock journal or mapping file, or a HAR file"
            );
        var problems = new List<string>();
        var exchanges = new List<RecordedExchange>();
        var unplaced = new List<(string Origin, string Why)>();
        foreach (var path in paths.Select(path => Directory.Exists(path) ? Path.Combine(path, "recording.json") : path))
        {
            if (!File.Exists(path))
            {
                problems.Add($"{path}: no such file");
                continue;
            }

            try
            {
                var read = RecordingFiles.Read(path);
                exchanges.AddRange(read.Exchanges);
                unplaced.AddRange(read.Unplaced);
            }
            catch (RecordingFormatException e)
            {
                problems.Add(e.Error.ToString());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add($"{path}: cannot read it: {e.Message}");
            }
        }

        if (problems.Count > 0)
            throw new UsageException(problems);
        var total = exchanges.Count + unplaced.Count;
        var recognizer = ShippedRecognizer();
        var recognized = new List<(RecordedExchange, Recognition)>();
        foreach (var exchange in exchanges)
        {
            var (found, why) = recognizer.Recognize(exchange);
            if (found is not null)
                recognized.Add((exchange, found));
            else
                unplaced.Add((exchange.Origin, why!));
        }

        return new RecordingInputs(exchanges, recognized, unplaced, total, recognizer);
    }

    /// <summary>Compared with the shipped suite: the profiles' own scenarios, whatever the working folder holds.</summary>
    private static ProviderRecognizer ShippedRecognizer()
    {
        var library = ScenarioLibrary.LoadDirectory(Path.Combine(AppContext.BaseDirectory, "scenarios"));
        return new ProviderRecognizer(ProfileSample.From(library.Scenarios));
    }

    /// <summary>Writes the unplaced requests, one line each, to <paramref name="error"/>.</summary>
    public async Task ReportUnplacedAsync(TextWriter error, string command)
    {
        foreach (var (origin, why) in Unplaced)
            await error.WriteLineAsync($"callhooks {command}: {origin} not placed: {why}").ConfigureAwait(false);
    }
}
