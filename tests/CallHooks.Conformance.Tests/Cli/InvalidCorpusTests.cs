using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Cli;

/// <summary>
/// The committed corpus of bad input under <c>invalid/</c>: every malformed scenario file (<c>scenarios/*.json</c>)
/// and every bad command line (<c>cases/*.args</c>, one argument per line) gives exactly the error lines in the
/// <c>.expected</c> file beside it, exit code 2, no reports, and not one request on the wire.
/// Set CALLHOOKS_APPROVE=1 to write the .expected files from what the CLI prints, then review them.
/// </summary>
public sealed class InvalidCorpusTests
{
    private static ScriptedListener listener = null!;

    private static string Folder => Path.Combine(RepoPaths.Root, "tests", "CallHooks.Conformance.Tests", "invalid");

    [OneTimeSetUp]
    public static async Task StartListener() => listener = await ScriptedListener.AnsweringAsync(200);

    [OneTimeTearDown]
    public static async Task StopListener() => await listener.DisposeAsync();

    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Folder, "scenarios"), "*.json").Order(StringComparer.Ordinal))
            yield return new TestCaseData(Path.GetFileName(file), Path.ChangeExtension(file, ".expected")).SetArgDisplayNames(
                "scenarios/" + Path.GetFileName(file)
            );
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Folder, "cases"), "*.args").Order(StringComparer.Ordinal))
            yield return new TestCaseData(Path.GetFileName(file), Path.ChangeExtension(file, ".expected")).SetArgDisplayNames(
                "cases/" + Path.GetFileName(file)
            );
    }

    [Test]
    public void The_corpus_has_at_least_30_malformed_scenario_files_and_30_bad_command_lines()
    {
        Assert.That(Directory.GetFiles(Path.Combine(Folder, "scenarios"), "*.json"), Has.Length.GreaterThanOrEqualTo(30));
        Assert.That(Directory.GetFiles(Path.Combine(Folder, "cases"), "*.args"), Has.Length.GreaterThanOrEqualTo(30));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Bad_input_gives_its_specific_error_exit_2_and_sends_nothing(string name, string expectedFile)
    {
        var args = Arguments(name);
        listener.Requests.Clear();

        var run = await CliRun.InvokeAsync([
            "run",
            .. args.Contains("--target") ? [] : new[] { "--target", listener.BaseUrl.AbsoluteUri },
            .. args,
        ]);

        var actual = run.Error.Replace(Folder, "{invalid}", StringComparison.Ordinal).ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("CALLHOOKS_APPROVE") == "1")
            await File.WriteAllTextAsync(expectedFile, actual);
        Assert.That(File.Exists(expectedFile), Is.True, $"{expectedFile} is missing; the CLI printed:\n{actual}");
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
        Assert.That(actual, Is.EqualTo(await File.ReadAllTextAsync(expectedFile)));
        Assert.That(listener.Requests, Is.Empty, "nothing is sent when the input is invalid");
        Assert.That(Directory.Exists(run.OutDirectory), Is.False, "no reports for a run that never started");
    }

    /// <summary>A scenario file runs as <c>--scenario FILE</c>; an .args file holds one argument per line, with \r and \n escapes.</summary>
    private static string[] Arguments(string name)
    {
        if (name.EndsWith(".json", StringComparison.Ordinal))
            return ["--scenario", Path.Combine(Folder, "scenarios", name)];
        return File.ReadAllLines(Path.Combine(Folder, "cases", name))
            .Select(line =>
                line.Replace("{invalid}", Folder, StringComparison.Ordinal)
                    .Replace("\\r", "\r", StringComparison.Ordinal)
                    .Replace("\\n", "\n", StringComparison.Ordinal)
            )
            .ToArray();
    }
}
