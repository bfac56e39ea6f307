using System.Xml;
using CallHooks.Conformance.Reporting.Text;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Reporting.JUnit;

/// <summary>
/// The thresholds suite of a load run's junit.xml: one testcase per <c>--threshold</c>, failed when broken, so a CI
/// dashboard agrees with the exit code even though the file keeps only a sample of the calls.
/// </summary>
internal static class JUnitThresholds
{
    public static void WriteSuite(XmlWriter xml, DateTimeOffset startedAt, LoadReport load)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", "thresholds");
        xml.WriteAttributeString("tests", JUnitWriter.Count(load.Thresholds.Count));
        xml.WriteAttributeString("failures", JUnitWriter.Count(load.Thresholds.Count(verdict => !verdict.Passed)));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", "0");
        xml.WriteAttributeString("time", "0");
        xml.WriteAttributeString("timestamp", JUnitWriter.Timestamp(startedAt));
        foreach (var verdict in load.Thresholds)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("name", SafeText.ForXml(verdict.Threshold.Text));
            xml.WriteAttributeString("classname", "thresholds");
            xml.WriteAttributeString("time", "0");
            if (!verdict.Passed)
            {
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("message", SafeText.ForXml(verdict.ToString()));
                xml.WriteAttributeString("type", "threshold");
                xml.WriteString(SafeText.ForXml(verdict.ToString()));
                xml.WriteEndElement();
            }

            xml.WriteStartElement("system-out");
            xml.WriteString(SafeText.ForXml(verdict.ToString()));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }
}
