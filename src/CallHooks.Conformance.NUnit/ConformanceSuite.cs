using System.Collections.Concurrent;
using CallHooks.Conformance.Cli;
using CallHooks.Conformance.Scenarios;
using NUnit.Framework;

namespace CallHooks.Conformance.NUnit;

/// <summary>
/// A provider's scenarios as NUnit tests. The options are <c>callhooks run</c>'s, word for word, so they are validated
/// and explained exactly as on the command line:
/// <code>
/// static readonly ConformanceSuite Suite = new("--provider", "myoperator-incall", "--target", "http://localhost/in_call",
///     "--header", "x-token: abc", "--basic", "admin:secret");
/// static IEnumerable&lt;TestCaseData&gt; Scenarios() => Suite.Scenarios();
///
/// [TestCaseSource(nameof(Scenarios))]
/// public Task Scenario(string name) => Suite.AssertScenarioAsync(name, factory.Server.CreateHandler());
/// </code>
/// Each test is named <c>provider/scenario</c> (rule tests <c>RULE-ID provider/scenario</c>), so <c>dotnet test
/// --filter</c>, retries and loggers work as for any test. A failure's message is the command line's report of it, with
/// the command that replays it; report.html, report.md and results.json are attached to the test.
/// </summary>
public sealed class ConformanceSuite
{
    private readonly string[] options;
    private readonly ConcurrentDictionary<string, Lazy<Task<ScenarioOutcome>>> runs = new(StringComparer.Ordinal);

    /// <param name="options">Options of <c>callhooks run</c> (not <c>--scenario</c> or <c>--out</c>, which each test sets).</param>
    public ConformanceSuite(params string[] options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
    }

    /// <summary>
    /// One test case per scenario of the selected providers, named <c>provider/scenario</c>, its argument the same
    /// <c>provider/scenario</c> (two providers may both have an <c>incoming-answered</c>).
    /// </summary>
    public IEnumerable<TestCaseData> Scenarios() =>
        Selected()
            .Select(scenario => new TestCaseData($"{scenario.Provider}/{scenario.Name}").SetName($"{scenario.Provider}/{scenario.Name}"));

    /// <summary>
    /// One test case per conformance rule the suite checks (<c>--suite</c>) and scenario, named <c>RULE-ID provider/scenario</c>,
    /// its arguments <c>provider/scenario</c> and the rule's id. A scenario is played once for all its rule tests (and
    /// again after a failed test, so NUnit's retries replay it).
    /// </summary>
    public IEnumerable<TestCaseData> Rules() =>
        from scenario in Selected()
        from rule in CallHooks.Conformance.Rules.RuleCatalog.All
        where SuiteIncludes(rule.Suite) && rule.AppliesTo(scenario.Provider)
        select new TestCaseData($"{scenario.Provider}/{scenario.Name}", rule.Id).SetName($"{rule.Id} {scenario.Provider}/{scenario.Name}");

    /// <summary>Plays <paramref name="scenario"/> against the target (or <paramref name="app"/>, in process) and fails the test if it failed.</summary>
    /// <param name="scenario"><c>provider/scenario</c> as <see cref="Scenarios"/> gives it, or a bare scenario name for the options' providers.</param>
    /// <param name="app">An ASP.NET Core app's handler (<c>WebApplicationFactory.Server.CreateHandler()</c>); null to send to <c>--target</c> over the network.</param>
    public async Task AssertScenarioAsync(string scenario, HttpMessageHandler? app = null)
    {
        var outcome = await PlayAsync(scenario, app).ConfigureAwait(false);
        Attach(outcome);
        if (outcome.ExitCode == 0)
            return;
        Forget(scenario, app);
        Assert.Fail(FailureText(outcome));
    }

    /// <summary>
    /// Fails the test if <paramref name="rule"/> was broken on <paramref name="scenario"/> (a SHOULD rule: a warning);
    /// skips it, with the reason, when the rule did not apply.
    /// </summary>
    public async Task AssertRuleAsync(string scenario, string rule, HttpMessageHandler? app = null)
    {
        var outcome = await PlayAsync(scenario, app).ConfigureAwait(false);
        Attach(outcome);
        if (!outcome.HasResults)
        {
            Forget(scenario, app);
            Assert.Fail(FailureText(outcome));
        }

        var verdict = outcome
            .Scenario()
            .GetProperty("rules")
            .EnumerateArray()
            .FirstOrDefault(checkedRule => checkedRule.GetProperty("id").GetString() == rule);
        if (verdict.ValueKind == System.Text.Json.JsonValueKind.Undefined)
            Assert.Fail($"{rule} was not checked on {scenario}; replay: {outcome.ReplayCommand()}");
        var status = verdict.GetProperty("status").GetString();
        var failures = verdict.TryGetProperty("failures", out var list) ? list.EnumerateArray().Select(item => item.GetString()) : [];
        switch (status)
        {
            case "failed":
                Forget(scenario, app);
                Assert.Fail($"{rule} broken on {scenario}:\n  {string.Join("\n  ", failures)}\nreplay: {outcome.ReplayCommand()}");
                break;
            case "warning":
                Assert.Warn($"{rule} (SHOULD) broken on {scenario}:\n  {string.Join("\n  ", failures)}");
                break;
            case "n/a":
                // Not a pass: nothing was checked. Skipped, with the reason.
                Assert.Ignore($"{rule} does not apply here: {verdict.GetProperty("notApplicable").GetString()}");
                break;
        }
    }

    /// <summary>One play per scenario and app, shared by its rule tests.</summary>
    private Task<ScenarioOutcome> PlayAsync(string scenario, HttpMessageHandler? app) =>
        runs.GetOrAdd(Key(scenario, app), _ => new Lazy<Task<ScenarioOutcome>>(() => RunAsync(scenario, app))).Value;

    /// <summary>A failed play is not kept: a retry of the test plays the scenario again.</summary>
    private void Forget(string scenario, HttpMessageHandler? app) => runs.TryRemove(Key(scenario, app), out _);

    private static string Key(string scenario, HttpMessageHandler? app) =>
        $"{scenario}|{(app is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(app))}";

    private async Task<ScenarioOutcome> RunAsync(string scenario, HttpMessageHandler? app)
    {
        var folder = Directory.CreateTempSubdirectory("callhooks-nunit-").FullName;
        // provider/scenario plays that provider's scenario alone, whatever providers the options name.
        var slash = scenario.IndexOf('/', StringComparison.Ordinal);
        string[] selection =
            slash < 0
                ? [.. options, "--scenario", scenario]
                : [.. WithoutProviders(), "--provider", scenario[..slash], "--scenario", scenario[(slash + 1)..]];
        string[] args = ["run", .. selection, "--out", folder];
        using var output = new StringWriter();
        var exit = app is null
            ? await CallhooksApp.RunAsync(args, output, output, CancellationToken.None).ConfigureAwait(false)
            : await CallhooksApp.RunInProcessAsync(args, app, output, output, CancellationToken.None).ConfigureAwait(false);
        return new ScenarioOutcome(exit, output.ToString(), folder);
    }

    private static void Attach(ScenarioOutcome outcome)
    {
        foreach (var report in new[] { "report.html", "report.md", "results.json" })
        {
            var path = Path.Combine(outcome.OutDirectory, report);
            if (File.Exists(path))
                TestContext.AddTestAttachment(path, report);
        }
    }

    /// <summary>What the command line said: its failure report (expected, got, event, seed) or its usage error, and the replay.</summary>
    private static string FailureText(ScenarioOutcome outcome) =>
        outcome.HasResults
            ? $"{Verdict(outcome.Output)}\nreplay: {outcome.ReplayCommand()}"
            : $"callhooks exited {outcome.ExitCode}:\n{outcome.Output.TrimEnd()}";

    /// <summary>The command line's report without its "wrote FILE" lines: the files are attached to the test instead.</summary>
    private static string Verdict(string output) =>
        string.Join('\n', output.TrimEnd().Split('\n').Where(line => !line.StartsWith("wrote ", StringComparison.Ordinal)));

    private IEnumerable<(string Name, string Provider)> Selected()
    {
        var providers = Values("--provider");
        var folder = Values("--scenarios").LastOrDefault() ?? Path.Combine(AppContext.BaseDirectory, "scenarios");
        var library = ScenarioLibrary.LoadDirectory(folder);
        var wanted = providers.Count == 0 ? ["myoperator-incall"] : providers;
        var scenarios = library
            .Scenarios.Where(scenario => wanted.Contains(scenario.Provider))
            .Select(scenario => (scenario.Name, scenario.Provider))
            .ToList();
        // Options the command line refuses (an unknown provider) still make one test, which fails with its message.
        return scenarios.Count > 0 ? scenarios : [("options", string.Join(",", wanted))];
    }

    private bool SuiteIncludes(CallHooks.Conformance.Rules.RuleSuite suite)
    {
        var chosen = Values("--suite").LastOrDefault() ?? "core";
        return chosen == "all" || string.Equals(chosen, suite.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The options without their <c>--provider</c> words: a test names its own provider.</summary>
    private List<string> WithoutProviders()
    {
        var kept = new List<string>(options.Length);
        for (var i = 0; i < options.Length; i++)
        {
            if (options[i] == "--provider")
                i++;
            else if (!options[i].StartsWith("--provider=", StringComparison.Ordinal))
                kept.Add(options[i]);
        }

        return kept;
    }

    private List<string> Values(string name)
    {
        var values = new List<string>();
        for (var i = 0; i < options.Length; i++)
        {
            if (options[i] == name && i + 1 < options.Length)
                values.Add(options[i + 1]);
            else if (options[i].StartsWith(name + "=", StringComparison.Ordinal))
                values.Add(options[i][(name.Length + 1)..]);
        }

        return values;
    }
}
