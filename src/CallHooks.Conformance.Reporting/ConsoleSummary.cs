using System.Globalization;
using CallHooks.Conformance.Reporting.Text;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Reporting;

/// <summary>
/// The plain-text summary printed at the end of a run: which scenarios passed, why the others failed, and the
/// seed to replay them with. No colours, so it reads the same in a terminal, a CI log and a pasted bug report.
/// </summary>
internal static class ConsoleSummary
{
    public static void Write(RunResult result, TextWriter output)
    {
        output.WriteLine(SafeText.ForTerminal(Header(result)));
        output.WriteLine();

        var names = result
            .Scenarios.Select(scenario =>
                $"{scenario.Provider}/{scenario.Name}{(scenario.ConfigurationLabel is { } label ? " [" + label + "]" : "")}"
            )
            .ToList();
        var width = names.Count == 0 ? 0 : names.Max(name => name.Length);
        for (var i = 0; i < result.Scenarios.Count; i++)
        {
            var scenario = result.Scenarios[i];
            output.WriteLine(SafeText.ForTerminal(ScenarioLine(scenario, names[i].PadRight(width), result.Known)));
            foreach (var delivery in scenario.Deliveries.Where(delivery => !delivery.Passed || delivery.QueuedBehind is not null))
            {
                output.WriteLine("    " + SafeText.ForTerminal(DeliveryText.Verdict(delivery)));
                foreach (var failure in delivery.Failures)
                    output.WriteLine("      - " + SafeText.ForTerminal(failure));
                if (delivery.QueuedBehind is { } queued)
                    output.WriteLine("      note: " + SafeText.ForTerminal(queued));
            }

            // CORE-001 repeats the delivery failures just printed; every other broken rule is news.
            foreach (var rule in scenario.Rules.Where(rule => rule.Applicable && !rule.Passed && rule.Rule.Id != "CORE-001"))
            {
                output.WriteLine(
                    $"    {(rule.FailsRun ? "RULE" : "WARN")} {rule.Rule.Id} ({rule.Rule.LevelText}) {SafeText.ForTerminal(rule.Rule.Title)}"
                );
                foreach (var failure in rule.Failures)
                    output.WriteLine("      - " + SafeText.ForTerminal(failure));
            }
        }

        output.WriteLine();
        if (result.Interrupted)
            output.WriteLine(
                "INTERRUPTED: sending stopped early; only the deliveries that completed are reported ("
                    + InterruptionText.ForRun(result)
                    + ")"
            );
        if (result.Scenarios.Any(scenario => scenario.Rules.Count > 0))
            output.WriteLine(RuleTotals(result));
        foreach (var line in CheckedLines(result.Checked))
            output.WriteLine(line);
        output.WriteLine(Totals(result));
    }

    private static string RuleTotals(RunResult result)
    {
        var rules = result.Scenarios.SelectMany(scenario => scenario.Rules).ToList();
        var failed = rules.Where(rule => rule.FailsRun).Select(rule => rule.Rule.Id).Distinct().Order(StringComparer.Ordinal).ToList();
        return $"rules: {rules.Count(rule => rule.Applicable)} checked, {rules.Count(rule => rule.Passed)} passed, {rules.Count(rule => rule.FailsRun)} broken MUST, "
            + $"{rules.Count(rule => rule.Applicable && !rule.Passed && !rule.FailsRun)} SHOULD warnings, {rules.Count(rule => !rule.Applicable)} not applicable"
            + (failed.Count > 0 ? $" (broken: {string.Join(", ", failed)})" : "");
    }

    /// <summary>What the verdict rests on, and what it does not, each with the option that would check it.</summary>
    public static IEnumerable<string> CheckedLines(CheckScope scope)
    {
        yield return "checked: " + string.Join("; ", scope.CheckedParts());
        if (scope.UncheckedParts() is { Count: > 0 } missing)
            yield return "not checked: " + string.Join("; ", missing);
    }

    private static string Header(RunResult result)
    {
        var target = result.EmbeddedListener ? $"{result.Target} (embedded listener)" : result.Target;
        if (result.Replay)
            return $"{result.Tool} {result.Version}  target {target}  replay of recorded requests (their bytes, not generated: no seed)";
        var seed = result.Seed.ToString(CultureInfo.InvariantCulture);
        // A fixed clock is part of what makes a run reproducible, so the replay hint needs it too.
        var replay = result.Now is { } now ? $"--seed {seed} --now {ReportFormat.Timestamp(now)}" : $"--seed {seed}";
        return $"{result.Tool} {result.Version}  target {target}  seed {seed} (replay with {replay})";
    }

    private static string ScenarioLine(ScenarioResult scenario, string paddedName, IReadOnlyDictionary<string, string> known)
    {
        var count = scenario.Deliveries.Count;
        var deliveries = count == 1 ? "1 delivery" : $"{count.ToString(CultureInfo.InvariantCulture)} deliveries";
        var p50 = Model.LatencyStats.Median(scenario.Deliveries) is { } median ? ReportFormat.HumanMilliseconds(median) : "-";
        if (scenario.Interrupted)
            return $"STOP {paddedName}  {deliveries}  p50 {p50}  ({InterruptionText.ForScenario(scenario)})";
        if (scenario.NotSent)
            return $"SKIP {paddedName}  {deliveries}  ({scenario.Skipped[0].Reason})";
        return $"{(scenario.Passed ? "PASS" : "FAIL")} {paddedName}  {deliveries}  p50 {p50}  ({scenario.Checked.Label}){(Comparison.KnownVerdict.Reason(scenario, known) is { } reason ? "  known: " + reason : "")}";
    }

    /// <summary>
    /// Always led by the scenario count: a bare <c>N passed, N failed</c> line is the form test runners print,
    /// and tools that scrape logs for it must not mistake this summary for one.
    /// </summary>
    private static string Totals(RunResult result)
    {
        var total = result.Scenarios.Count;
        var deliveries = result.Scenarios.Sum(scenario => scenario.Deliveries.Count);
        var failedDeliveries = result.Scenarios.Sum(scenario => scenario.Deliveries.Count(delivery => !delivery.Passed));
        var seconds = ((result.FinishedAt - result.StartedAt).TotalMilliseconds / 1000.0).ToString("0.00", CultureInfo.InvariantCulture);
        // An interrupted run says how many calls it cut short and never started, beside the passes.
        var stopped = result.InterruptedScenarios > 0 ? $", {result.InterruptedScenarios} interrupted" : "";
        var notStarted = result.NotStarted > 0 ? $", {result.NotStarted} not started" : "";
        notStarted +=
            result.NothingSent ? ", nothing sent: every scenario skipped by configuration"
            : result.NotSent > 0 ? $", {result.NotSent} skipped by configuration"
            : "";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{total} {(total == 1 ? "scenario" : "scenarios")}: {result.Passed} passed, {result.Failed} failed{stopped}{notStarted}, {result.Checked.Label}  "
                + $"({deliveries} deliveries, {failedDeliveries} failed, {seconds} s)"
        );
    }
}
