using System.Text.Json;

namespace CallHooks.Conformance.NUnit;

/// <summary>One scenario's run: the exit code, what the command line printed, and the results it wrote.</summary>
internal sealed record ScenarioOutcome(int ExitCode, string Output, string OutDirectory)
{
    public string ResultsPath => Path.Combine(OutDirectory, "results.json");

    public bool HasResults => File.Exists(ResultsPath);

    /// <summary>The scenario's entry in results.json.</summary>
    public JsonElement Scenario()
    {
        using var results = JsonDocument.Parse(File.ReadAllBytes(ResultsPath));
        return results.RootElement.GetProperty("scenarios")[0].Clone();
    }

    /// <summary>The command line that replays the run, as results.json records it (secrets masked).</summary>
    public string ReplayCommand()
    {
        using var results = JsonDocument.Parse(File.ReadAllBytes(ResultsPath));
        return results.RootElement.GetProperty("commandLine").GetString() ?? "";
    }
}
