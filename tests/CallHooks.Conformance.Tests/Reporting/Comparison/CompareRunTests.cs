using System.Text.Json;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Reporting.Comparison;

/// <summary>
/// callhooks compare and run --baseline/--known-failures end to end: a run where one configuration broke is worse than
/// a clean one, naming exactly the broken cells; known failures never fail the run and are shown as known.
/// </summary>
public sealed class CompareRunTests
{
    private static readonly string[] Sweep =
    [
        "run",
        "--matrix",
        "method",
        "--provider",
        "myoperator-incall",
        "--seed",
        "42",
        "--now",
        "2026-01-15T09:30:00Z",
    ];

    private static readonly string[] GetCells =
    [
        "myoperator-incall/click-to-call-no-answer [method=GET]",
        "myoperator-incall/click-to-call-rejected [method=GET]",
        "myoperator-incall/incoming-answered [method=GET]",
        "myoperator-incall/incoming-missed [method=GET]",
        "myoperator-incall/incoming-voicemail [method=GET]",
        "myoperator-incall/obd-answered [method=GET]",
        "myoperator-incall/obd-no-answer [method=GET]",
    ];

    [Test]
    public async Task Compare_of_a_run_whose_GET_broke_against_a_clean_one_exits_1_naming_exactly_the_broken_cells()
    {
        var clean = await CliRun.InvokeAsync(Sweep);
        var broken = await CliRun.InvokeAsync([.. Sweep, "--listener-mode", "fails-get"]);
        // Two loopback runs differ in timing by chance; this test is about cells, so latency must grow tenfold to count.
        var compare = await CliRun.InvokeAsync(
            "compare",
            clean.OutDirectory,
            Path.Combine(broken.OutDirectory, "results.json"),
            "--latency-regression",
            "1000%"
        );
        var back = await CliRun.InvokeAsync("compare", broken.OutDirectory, clean.OutDirectory, "--latency-regression", "1000%");
        var lines = compare.Out.Split('\n').Select(line => line.Trim()).ToList();
        var brokenAt = lines.IndexOf("broken (passed before, fails now): 7");
        Assert.Multiple(() =>
        {
            Assert.That((clean.ExitCode, broken.ExitCode), Is.EqualTo((0, 1)));
            Assert.That(compare.ExitCode, Is.EqualTo(1), compare.ToString);
            Assert.That(brokenAt, Is.GreaterThan(0), compare.Out);
            Assert.That(lines.Skip(brokenAt + 1).Take(7), Is.EqualTo(GetCells));
            Assert.That(lines[brokenAt + 8], Is.EqualTo("still passing: 7"));
            Assert.That(back.ExitCode, Is.Zero, "fixing is never a regression: " + back);
            Assert.That(back.Out, Does.Contain("fixed (failed before, passes now): 7"));
        });
    }

    [Test]
    public async Task Run_with_a_baseline_shows_the_comparison_first_and_exits_1_only_for_regressions()
    {
        var broken = await CliRun.InvokeAsync([.. Sweep, "--listener-mode", "fails-get"]);
        var stillBroken = await CliRun.InvokeAsync([
            .. Sweep,
            "--listener-mode",
            "fails-get",
            "--baseline",
            broken.OutDirectory,
            "--latency-regression",
            "1000%",
        ]);
        var clean = await CliRun.InvokeAsync(Sweep);
        var worse = await CliRun.InvokeAsync([
            .. Sweep,
            "--listener-mode",
            "fails-get",
            "--baseline",
            clean.OutDirectory,
            "--latency-regression",
            "1000%",
        ]);
        var markdown = worse.File("report.md");
        using var results = JsonDocument.Parse(worse.File("results.json"));
        Assert.Multiple(() =>
        {
            Assert.That(stillBroken.ExitCode, Is.Zero, "failing where the baseline failed is no worse: " + stillBroken);
            Assert.That(worse.ExitCode, Is.EqualTo(1), worse.ToString);
            Assert.That(
                markdown.IndexOf("### ❌ worse than", StringComparison.Ordinal),
                Is.LessThan(markdown.IndexOf("| scenario |", StringComparison.Ordinal))
            );
            Assert.That(results.RootElement.GetProperty("comparison").GetProperty("regressions").GetInt32(), Is.EqualTo(7));
            Assert.That(worse.Out, Does.Contain("compared: worse than"));
        });
    }

    [Test]
    public async Task Known_failures_are_shown_as_known_and_do_not_fail_the_run_but_a_new_failure_still_does()
    {
        var folder = Path.Combine(Path.GetTempPath(), "callhooks-known-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var all = Path.Combine(folder, "all.txt");
        File.WriteAllLines(all, ["# GET is on the roadmap", .. GetCells.Select(cell => cell + ": GET not supported yet (CRM-123)")]);
        var some = Path.Combine(folder, "some.txt");
        File.WriteAllLines(some, [GetCells[0] + ": GET not supported yet (CRM-123)"]);
        var typo = Path.Combine(folder, "typo.txt");
        File.WriteAllLines(typo, ["myoperator-incall/incoming-answerd [method=GET]: typo"]);

        var known = await CliRun.InvokeAsync([.. Sweep, "--listener-mode", "fails-get", "--known-failures", all]);
        var partly = await CliRun.InvokeAsync([.. Sweep, "--listener-mode", "fails-get", "--known-failures", some]);
        var wrong = await CliRun.InvokeAsync([.. Sweep, "--known-failures", typo]);
        using var results = JsonDocument.Parse(known.File("results.json"));
        var getScenario = results
            .RootElement.GetProperty("scenarios")
            .EnumerateArray()
            .First(s => s.GetProperty("configuration").GetString() == "method=GET");
        Assert.Multiple(() =>
        {
            Assert.That(known.ExitCode, Is.Zero, known.ToString);
            Assert.That(getScenario.GetProperty("known").GetString(), Is.EqualTo("GET not supported yet (CRM-123)"));
            Assert.That(known.Out, Does.Contain("known: GET not supported yet (CRM-123)"));
            Assert.That(partly.ExitCode, Is.EqualTo(1), "six GET failures are not on the list");
            Assert.That(wrong.ExitCode, Is.EqualTo(2));
            Assert.That(
                wrong.Error,
                Does.Contain($"--known-failures {typo}:1: 'myoperator-incall/incoming-answerd [method=GET]' names no cell of this run")
            );
        });
    }

    [Test]
    public async Task A_baseline_of_other_providers_is_refused_before_anything_is_sent()
    {
        var voipappz = await CliRun.InvokeAsync("run", "--provider", "voipappz", "--scenario", "incoming-answered");
        var run = await CliRun.InvokeAsync("run", "--baseline", voipappz.OutDirectory);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(
                run.Error,
                Does.Contain("its providers (voipappz) are not this run's (myoperator-incall); compare runs of the same providers")
            );
            Assert.That(Directory.Exists(run.OutDirectory), Is.False);
        });
    }
}
