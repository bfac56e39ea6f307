using CallHooks.Conformance.Reporting.Comparison;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Tests.Reporting.Comparison;

/// <summary>Every transition a cell can make, rules newly broken, the latency threshold, known failures.</summary>
public sealed class ComparerTests
{
    private static RunSnapshot Run(
        (string Cell, string Status, string[] Rules)[] cells,
        Dictionary<string, double[]>? latencies = null,
        string path = "run.json"
    ) =>
        new(
            path,
            cells.Select(cell => cell.Cell.Split('/')[0]).Distinct().Order(StringComparer.Ordinal).ToList(),
            cells.ToDictionary(cell => cell.Cell, cell => new CellSnapshot(cell.Status, cell.Rules.ToHashSet())),
            (latencies ?? []).ToDictionary(pair => pair.Key, pair => (IReadOnlyList<double>)pair.Value)
        );

    [Test]
    public void Each_cell_gets_its_transition_and_only_broken_ones_are_regressions()
    {
        var baseline = Run([
            ("p/kept", "passed", []),
            ("p/breaks", "passed", []),
            ("p/heals", "failed", []),
            ("p/stays-red", "failed", []),
            ("p/removed", "passed", []),
        ]);
        var current = Run([
            ("p/kept", "passed", []),
            ("p/breaks", "failed", ["CORE-001"]),
            ("p/heals", "passed", []),
            ("p/stays-red", "failed", []),
            ("p/added", "failed", []),
        ]);
        var comparison = Comparer.Compare(baseline, current, 20);
        Assert.Multiple(() =>
        {
            Assert.That(
                comparison.Changes.Select(change => change.Cell + " " + change.Transition),
                Is.EqualTo(new[] { "p/added new", "p/breaks broken", "p/heals fixed", "p/removed gone", "p/stays-red still failing" })
            );
            Assert.That(comparison.StillPassing, Is.EqualTo(1));
            Assert.That(comparison.NewlyBrokenRules, Is.Empty, "the broken cell is the regression; its rules are not counted again");
            Assert.That(comparison.Regressions, Is.EqualTo(1));
        });
    }

    [Test]
    public void A_rule_newly_broken_in_a_cell_that_failed_before_is_a_regression()
    {
        var baseline = Run([("p/red", "failed", ["CORE-001"])]);
        var current = Run([("p/red", "failed", ["CORE-001", "AUTH-001"])]);
        var comparison = Comparer.Compare(baseline, current, 20);
        Assert.That(comparison.NewlyBrokenRules, Is.EqualTo(new[] { "AUTH-001 p/red" }));
        Assert.That(comparison.Regressions, Is.EqualTo(1));
    }

    [TestCase(
        new[] { 10.0, 10, 10, 10, 10, 10, 10, 10, 10, 10 },
        new[] { 16.0, 16, 16, 16, 16, 16, 16, 16, 16, 16 },
        1,
        TestName = "p90 +60% and +6 ms: a regression"
    )]
    [TestCase(
        new[] { 10.0, 10, 10, 10, 10, 10, 10, 10, 10, 10 },
        new[] { 14.0, 14, 14, 14, 14, 14, 14, 14, 14, 14 },
        0,
        TestName = "p90 +40% but only +4 ms: noise"
    )]
    [TestCase(
        new[] { 100.0, 100, 100, 100, 100, 100, 100, 100, 100, 100 },
        new[] { 115.0, 115, 115, 115, 115, 115, 115, 115, 115, 115 },
        0,
        TestName = "p90 +15 ms but only +15%: under the threshold"
    )]
    public void Latency_regresses_only_past_both_the_percentage_and_five_milliseconds(double[] before, double[] after, int expected)
    {
        var baseline = Run([("p/a", "passed", [])], new() { ["p event 1"] = before });
        var current = Run([("p/a", "passed", [])], new() { ["p event 1"] = after });
        Assert.That(Comparer.Compare(baseline, current, 20).Latency, Has.Count.EqualTo(expected));
    }

    [Test]
    public void A_known_failure_excuses_the_cell_it_names_and_the_comparison_says_why()
    {
        var file = Path.Combine(Path.GetTempPath(), "callhooks-known-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(file, "# what we live with\np/breaks: GET is not supported yet (CRM-123)\n");
        var known = KnownFailures.Read(file);
        var comparison = Comparer.Compare(Run([("p/breaks", "passed", [])]), Run([("p/breaks", "failed", [])]), 20, known);
        Assert.Multiple(() =>
        {
            Assert.That(comparison.Regressions, Is.Zero);
            Assert.That(comparison.KnownFailures, Is.EqualTo(new[] { "p/breaks: GET is not supported yet (CRM-123)" }));
        });
    }

    [Test]
    public void A_cell_not_sent_before_that_fails_now_is_broken_and_one_judged_before_but_not_now_is_said()
    {
        var baseline = Run([("p/was-skipped", "skipped", []), ("p/now-skipped", "passed", [])]);
        var current = Run([("p/was-skipped", "failed", []), ("p/now-skipped", "skipped", [])]);
        var comparison = Comparer.Compare(baseline, current, 20);
        Assert.That(
            comparison.Changes.Select(change => change.Cell + " " + change.Transition),
            Is.EqualTo(new[] { "p/now-skipped not judged", "p/was-skipped broken" })
        );
        Assert.That(comparison.Regressions, Is.EqualTo(1));
    }

    [Test]
    public void A_cell_that_broke_only_by_known_rules_is_excused_as_a_run_would_excuse_it()
    {
        var file = Path.Combine(Path.GetTempPath(), "callhooks-known-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(file, "AUTH-001 p/a: the gateway checks credentials\n");
        var known = KnownFailures.Read(file);
        var byRule = Comparer.Compare(Run([("p/a", "passed", [])]), Run([("p/a", "failed", ["AUTH-001"])]), 20, known);
        var current = new RunSnapshot(
            "run.json",
            ["p"],
            new Dictionary<string, CellSnapshot> { ["p/a"] = new("failed", new HashSet<string> { "AUTH-001" }, DeliveriesPassed: false) },
            new Dictionary<string, IReadOnlyList<double>>()
        );
        var byDelivery = Comparer.Compare(Run([("p/a", "passed", [])]), current, 20, known);
        Assert.Multiple(() =>
        {
            Assert.That(byRule.Regressions, Is.Zero);
            Assert.That(byDelivery.Regressions, Is.EqualTo(1), "a failed delivery is not what the list excuses");
        });
    }

    [Test]
    public void Runs_of_other_providers_are_not_compared()
    {
        var exception = Assert.Throws<ComparisonInputException>(() =>
            Comparer.Compare(Run([("a/x", "passed", [])], path: "old.json"), Run([("b/x", "passed", [])]), 20)
        );
        Assert.That(
            exception!.Message,
            Is.EqualTo("old.json: its providers (a) are not the new run's (b); compare runs of the same providers")
        );
    }
}
