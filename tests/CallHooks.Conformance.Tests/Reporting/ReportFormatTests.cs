using System.Globalization;
using CallHooks.Conformance.Reporting;

namespace CallHooks.Conformance.Tests.Reporting;

public sealed class ReportFormatTests
{
    /// <summary>The allocation-free timestamp must read exactly as the custom format it replaced: milliseconds truncated, UTC, a Z.</summary>
    [TestCase("2026-11-22T10:00:00.0000000+00:00", "2026-11-22T10:00:00.000Z")]
    [TestCase("2026-11-22T10:00:00.9999999+00:00", "2026-11-22T10:00:00.999Z")]
    [TestCase("2026-11-22T15:30:05.1234567+05:30", "2026-11-22T10:00:05.123Z")]
    [TestCase("0001-01-01T00:00:00.0010000+00:00", "0001-01-01T00:00:00.001Z")]
    [TestCase("9999-12-31T23:59:59.9990000+00:00", "9999-12-31T23:59:59.999Z")]
    public void Timestamps_are_ISO_8601_UTC_with_truncated_milliseconds(string instant, string expected)
    {
        var value = DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);
        Assert.That(ReportFormat.Timestamp(value), Is.EqualTo(expected));
        Assert.That(ReportFormat.Timestamp(value), Is.EqualTo(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)));
    }
}
