using System.Xml;
using CallHooks.Conformance.Reporting.Text;
using CallHooks.Conformance.Rules;

namespace CallHooks.Conformance.Reporting.JUnit;

/// <summary>
/// The rules suite of junit.xml: one testcase per rule and scenario. A broken MUST is a failure; a broken SHOULD
/// passes with its warning in system-out (CI stays green, the warning stays visible); a rule that could not
/// apply is skipped with the reason.
/// </summary>
internal static class JUnitRules
{
    public static void WriteSuite(XmlWriter xml, DateTimeOffset startedAt, IReadOnlyList<RuleResult> rules)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", "rules");
        xml.WriteAttributeString("tests", JUnitWriter.Count(rules.Count));
        xml.WriteAttributeString("failures", JUnitWriter.Count(rules.Count(rule => rule.FailsRun)));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", JUnitWriter.Count(rules.Count(rule => !rule.Applicable)));
        xml.WriteAttributeString("time", "0");
        xml.WriteAttributeString("timestamp", JUnitWriter.Timestamp(startedAt));
        foreach (var rule in rules)
            WriteCase(xml, rule);
        xml.WriteEndElement();
    }

    private static void WriteCase(XmlWriter xml, RuleResult rule)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", SafeText.ForXml($"{rule.Rule.Id} {rule.Scenario}"));
        xml.WriteAttributeString("classname", SafeText.ForXml($"rules.{rule.Provider}"));
        xml.WriteAttributeString("time", "0");
        if (!rule.Applicable)
        {
            xml.WriteStartElement("skipped");
            xml.WriteAttributeString("message", SafeText.ForXml("not applicable: " + rule.NotApplicable));
            xml.WriteEndElement();
        }
        else if (rule.FailsRun)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString(
                "message",
                SafeText.ForXml(SafeText.Short($"{rule.Rule.Id} (MUST): {rule.Failures[0]}", JUnitWriter.MessageLength))
            );
            xml.WriteAttributeString("type", "rule");
            xml.WriteString(SafeText.ForXml(Detail(rule)));
            xml.WriteEndElement();
        }

        xml.WriteStartElement("system-out");
        xml.WriteString(
            SafeText.ForXml(
                rule.Passed || !rule.Applicable
                    ? $"{rule.Rule.LevelText} {rule.Rule.Title}: {rule.Status}"
                    : "warning (SHOULD): " + Detail(rule)
            )
        );
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static string Detail(RuleResult rule) =>
        $"{rule.Rule.Title}\n"
        + string.Concat(rule.Failures.Select(failure => $"  - {failure}\n"))
        + string.Concat(rule.Evidence.Select(line => $"  evidence: {line}\n"));
}
