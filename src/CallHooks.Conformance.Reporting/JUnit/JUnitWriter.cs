using System.Globalization;
using System.Text;
using System.Xml;
using CallHooks.Conformance.Reporting.Text;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Reporting.JUnit;

/// <summary>
/// Writes junit.xml in the Ant/Jenkins JUnit format CI systems read: one testsuite per provider, one testcase
/// per scenario. A delivery without a response (refused, timeout, ...) is a failure, not an error: in JUnit an
/// error means the test itself broke, and here the harness worked and the listener did not.
/// </summary>
internal static class JUnitWriter
{
    internal const int MessageLength = 200;

    public static void Write(RunResult result, Stream output)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            NewLineChars = "\n",
            CloseOutput = false,
        };

        using (var xml = XmlWriter.Create(output, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "callhooks");
            var rules = result.Scenarios.SelectMany(scenario => scenario.Rules).ToList();
            var thresholds = result.Load?.Thresholds ?? [];
            xml.WriteAttributeString("tests", Count(result.Scenarios.Count + rules.Count + thresholds.Count));
            xml.WriteAttributeString(
                "failures",
                Count(result.Failed + rules.Count(rule => rule.FailsRun) + thresholds.Count(verdict => !verdict.Passed))
            );
            // An interrupted run is an error, never a green build: each call cut short, and the run itself.
            xml.WriteAttributeString("errors", Count(result.InterruptedScenarios + (result.Interrupted ? 1 : 0)));
            xml.WriteAttributeString("time", ReportFormat.Seconds((result.FinishedAt - result.StartedAt).TotalMilliseconds));
            xml.WriteAttributeString("timestamp", Timestamp(result.StartedAt));

            // Grouped in order of first appearance so the file follows the run.
            // A --matrix run has a testsuite per provider and configuration, so CI dashboards show each configuration apart.
            foreach (
                var suite in result.Scenarios.GroupBy(
                    scenario => scenario.ConfigurationLabel is { } label ? $"{scenario.Provider} [{label}]" : scenario.Provider,
                    StringComparer.Ordinal
                )
            )
                WriteSuite(xml, result, suite.Key, suite.ToList());
            if (rules.Count > 0)
                JUnitRules.WriteSuite(xml, result.StartedAt, rules);
            if (result.Load is { Thresholds.Count: > 0 } load)
                JUnitThresholds.WriteSuite(xml, result.StartedAt, load);
            if (result.Interrupted)
                WriteInterruption(xml, result);

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        output.Write("\n"u8);
        output.Flush();
    }

    private static void WriteSuite(XmlWriter xml, RunResult result, string provider, IReadOnlyList<ScenarioResult> scenarios)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", SafeText.ForXml(provider));
        xml.WriteAttributeString("tests", Count(scenarios.Count));
        xml.WriteAttributeString(
            "failures",
            Count(scenarios.Count(scenario => !scenario.Passed && !scenario.Interrupted && !scenario.NotSent))
        );
        xml.WriteAttributeString("errors", Count(scenarios.Count(scenario => scenario.Interrupted)));
        xml.WriteAttributeString("skipped", Count(scenarios.Count(scenario => scenario.NotSent)));
        xml.WriteAttributeString("time", ReportFormat.Seconds(scenarios.Sum(scenario => scenario.DurationMs)));
        xml.WriteAttributeString("timestamp", Timestamp(result.StartedAt));

        xml.WriteStartElement("properties");
        WriteProperty(xml, "seed", result.Seed.ToString(CultureInfo.InvariantCulture));
        WriteProperty(xml, "target", result.Target);
        if (result.Now is { } now)
            WriteProperty(xml, "now", ReportFormat.Timestamp(now));
        // A dashboard that shows only pass/fail still shows what the pass rests on.
        var scope = CheckScope.Of(scenarios.SelectMany(scenario => scenario.Rules));
        WriteProperty(xml, "checked", scope.Label);
        if (scope.UncheckedParts() is { Count: > 0 } notChecked)
            WriteProperty(xml, "not-checked", string.Join("; ", notChecked));
        // Prefixed so an option can never shadow seed, target or now.
        foreach (var (name, value) in result.Options)
            WriteProperty(xml, "option." + name, value);
        xml.WriteEndElement();

        foreach (var scenario in scenarios)
            WriteCase(xml, scenario);

        xml.WriteStartElement("system-out");
        xml.WriteString(SafeText.ForXml(string.Join("\n", ConsoleSummary.CheckedLines(scope)) + "\n"));
        xml.WriteEndElement();

        xml.WriteEndElement();
    }

    private static void WriteCase(XmlWriter xml, ScenarioResult scenario)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", SafeText.ForXml(scenario.Name));
        xml.WriteAttributeString(
            "classname",
            SafeText.ForXml(scenario.ConfigurationLabel is { } label ? $"{scenario.Provider} [{label}]" : scenario.Provider)
        );
        xml.WriteAttributeString("time", ReportFormat.Seconds(scenario.DurationMs));

        var failed = scenario.Deliveries.Where(delivery => !delivery.Passed).ToList();
        var brokenRules = scenario.Rules.Where(rule => rule.FailsRun).ToList();
        if (scenario.NotSent)
        {
            // Nothing was sent, so nothing passed: CI shows it as skipped, with the reason.
            xml.WriteStartElement("skipped");
            xml.WriteAttributeString("message", SafeText.ForXml(scenario.Skipped[0].Reason));
            xml.WriteEndElement();
        }
        else if (scenario.Interrupted)
        {
            xml.WriteStartElement("error");
            xml.WriteAttributeString("message", SafeText.ForXml(InterruptionText.ForScenario(scenario)));
            xml.WriteAttributeString("type", "interrupted");
            xml.WriteEndElement();
        }
        else if (failed.Count > 0 || brokenRules.Count > 0)
        {
            xml.WriteStartElement("failure");
            var first =
                failed.Count > 0
                    ? FirstFailure(failed[0])
                    : SafeText.Short($"{brokenRules[0].Rule.Id}: {brokenRules[0].Failures[0]}", MessageLength);
            xml.WriteAttributeString("message", SafeText.ForXml(first));
            xml.WriteAttributeString("type", "conformance");
            var detail =
                FailureDetail(failed)
                + string.Concat(
                    brokenRules.Select(rule =>
                        $"{rule.Rule.Id} (MUST) {rule.Rule.Title}\n" + string.Concat(rule.Failures.Select(failure => $"  - {failure}\n"))
                    )
                );
            xml.WriteString(SafeText.ForXml(detail));
            xml.WriteEndElement();
        }

        xml.WriteStartElement("system-out");
        xml.WriteString(SafeText.ForXml(Log(scenario)));
        xml.WriteEndElement();

        xml.WriteEndElement();
    }

    /// <summary>A suite of its own that fails the build: the run did not finish, whatever its calls show.</summary>
    private static void WriteInterruption(XmlWriter xml, RunResult result)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", "run");
        xml.WriteAttributeString("tests", "1");
        xml.WriteAttributeString("failures", "0");
        xml.WriteAttributeString("errors", "1");
        xml.WriteAttributeString("skipped", "0");
        xml.WriteAttributeString("timestamp", Timestamp(result.StartedAt));
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", "interrupted");
        xml.WriteAttributeString("classname", "callhooks");
        xml.WriteStartElement("error");
        xml.WriteAttributeString("message", "the run was interrupted: " + InterruptionText.ForRun(result));
        xml.WriteAttributeString("type", "interrupted");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static string FirstFailure(DeliveryResult delivery) =>
        SafeText.Short($"event {delivery.Event}: {delivery.Failures[0]}", MessageLength);

    private static string FailureDetail(IEnumerable<DeliveryResult> failed)
    {
        var text = new StringBuilder();
        foreach (var delivery in failed)
        {
            text.Append(DeliveryText.Verdict(delivery)).Append('\n');
            foreach (var failure in delivery.Failures)
                text.Append("  - ").Append(failure).Append('\n');
        }

        return text.ToString();
    }

    private static string Log(ScenarioResult scenario)
    {
        var text = new StringBuilder();
        text.Append("call ")
            .Append(scenario.CallId)
            .Append(" customer ")
            .Append(scenario.Customer)
            .Append(" seed ")
            .Append(scenario.Seed.ToString(CultureInfo.InvariantCulture))
            .Append(" checked: ")
            .Append(scenario.Checked.Label)
            .Append('\n');
        foreach (var delivery in scenario.Deliveries)
            text.Append(DeliveryText.LogLine(delivery)).Append('\n');
        return text.ToString();
    }

    private static void WriteProperty(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", SafeText.ForXml(name));
        xml.WriteAttributeString("value", SafeText.ForXml(value));
        xml.WriteEndElement();
    }

    internal static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// UTC without a zone designator: the Ant schema's timestamp pattern forbids one, and strict readers
    /// reject <c>Z</c>. Milliseconds are dropped for the same reason.
    /// </summary>
    internal static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
