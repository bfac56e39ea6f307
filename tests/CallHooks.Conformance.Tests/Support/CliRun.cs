using CallHooks.Conformance.Cli;

namespace CallHooks.Conformance.Tests.Support;

/// <summary>Runs the <c>callhooks</c> command in-process and keeps what a user would see.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error, string OutDirectory)
{
    public static async Task<CliRun> InvokeAsync(params string[] args)
    {
        var outDirectory = Path.Combine(Path.GetTempPath(), "callhooks-test-" + Guid.NewGuid().ToString("N"));
        var withOut = args.Length > 0 && args[0] == "run" && !args.Contains("--out") ? [.. args, "--out", outDirectory] : args;
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CallhooksApp.RunAsync(withOut, output, error, CancellationToken.None);
        return new CliRun(code, output.ToString(), error.ToString(), outDirectory);
    }

    /// <summary>Runs with <paramref name="environment"/> as the process environment (env: secrets of a panel file).</summary>
    public static async Task<CliRun> InvokeWithEnvironmentAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var outDirectory = Path.Combine(Path.GetTempPath(), "callhooks-test-" + Guid.NewGuid().ToString("N"));
        var withOut = args.Length > 0 && args[0] == "run" && !args.Contains("--out") ? [.. args, "--out", outDirectory] : args;
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(output, error) { Environment = name => environment.GetValueOrDefault(name) };
        var code = await CallhooksApp.RunAsync(withOut, console, CancellationToken.None);
        return new CliRun(code, output.ToString(), error.ToString(), outDirectory);
    }

    public string File(string name) => System.IO.File.ReadAllText(Path.Combine(OutDirectory, name));

    /// <summary>Rule <paramref name="id"/>'s result for the run's first scenario, from results.json.</summary>
    public System.Text.Json.JsonElement FirstScenarioRule(string id)
    {
        using var results = System.Text.Json.JsonDocument.Parse(File("results.json"));
        return results
            .RootElement.GetProperty("scenarios")[0]
            .GetProperty("rules")
            .EnumerateArray()
            .Single(rule => rule.GetProperty("id").GetString() == id)
            .Clone();
    }

    public override string ToString() => $"exit {ExitCode}\n--- out\n{Out}\n--- err\n{Error}";
}
