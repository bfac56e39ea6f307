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
        Assert.That(
            ReportFormat.Timestamp(value),
            Is.EqualTo(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
        );
    }
}

public sealed class MillisecondsFormatTests
{
    /// <summary>The integer shortcut must write exactly what Utf8JsonWriter writes for the rounded double, or reports would change.</summary>
    [Test]
    public void The_shortcut_writes_what_the_json_writer_writes_for_the_rounded_double()
    {
        var random = new Random(20261122);
        var values = new List<double> { 0, 0.0004, 0.0005, 0.0015, 0.5, 1, 2.5, 10.1, 999.9995, 1234.5675, 50.56, 1e11 + 0.125 };
        for (var i = 0; i < 20_000; i++)
        {
            values.Add(random.NextDouble() * Math.Pow(10, random.Next(-4, 10)));
            values.Add(Math.Round(random.NextDouble() * 5000, random.Next(0, 5)) + (random.Next(2) == 0 ? 0.0005 : 0));
        }

        Span<byte> text = stackalloc byte[ReportFormat.MillisecondsMaxLength];
        foreach (var value in values)
        {
            Assert.That(ReportFormat.TryFormatMilliseconds(value, text, out var written), Is.True, $"{value:R}");
            Assert.That(
                System.Text.Encoding.ASCII.GetString(text[..written]),
                Is.EqualTo(WrittenByJson(ReportFormat.Milliseconds(value))),
                $"{value:R}"
            );
        }
    }

    [TestCase(-0.0001)]
    [TestCase(-5.0)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    [TestCase(2e12)]
    public void Values_outside_the_shortcut_are_left_to_the_general_formatter(double value)
    {
        Span<byte> text = stackalloc byte[ReportFormat.MillisecondsMaxLength];
        Assert.That(ReportFormat.TryFormatMilliseconds(value, text, out _), Is.False);
    }

    private static string WrittenByJson(double value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
            json.WriteNumberValue(value);
        return System.Text.Encoding.ASCII.GetString(buffer.WrittenSpan);
    }
}
