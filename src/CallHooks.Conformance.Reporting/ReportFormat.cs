using System.Globalization;

namespace CallHooks.Conformance.Reporting;

/// <summary>Number and time formats shared by every report, so the same instant reads the same everywhere.</summary>
internal static class ReportFormat
{
    /// <summary>ISO-8601 in UTC with milliseconds, e.g. <c>2026-11-22T10:00:00.000Z</c>.</summary>
    public static string Timestamp(DateTimeOffset value)
    {
        Span<char> text = stackalloc char[TimestampLength];
        FormatTimestamp(value, text);
        return new string(text);
    }

    /// <summary>The length of a <see cref="Timestamp"/> (years 1 to 9999 always take four digits).</summary>
    public const int TimestampLength = 24;

    /// <summary>
    /// Writes <see cref="Timestamp"/> into <paramref name="destination"/> without allocating: the round-trip format
    /// ("O", the runtime's fast path) gives seven fraction digits, of which the first three are the milliseconds that
    /// "fff" would write (both truncate). The NDJSON log writes two timestamps per delivery.
    /// </summary>
    public static void FormatTimestamp(DateTimeOffset value, Span<char> destination)
    {
        Span<char> roundTrip = stackalloc char[28];
        value.UtcDateTime.TryFormat(roundTrip, out _, "O", CultureInfo.InvariantCulture);
        roundTrip[..23].CopyTo(destination);
        destination[23] = 'Z';
    }

    /// <summary>
    /// Milliseconds rounded to 3 decimals (microseconds): finer digits are timer noise and would make
    /// otherwise identical reports differ.
    /// </summary>
    public static double Milliseconds(double value) => Math.Round(value, 3, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Writes <see cref="Milliseconds"/> as JSON writes that double (shortest round-trip text), by integer arithmetic
    /// instead of the general floating-point formatter: Math.Round scales by 1000, rounds and divides back, so the double
    /// is the one nearest k/1000, and below 10^15 that double's shortest text is k/1000's own decimal digits. Returns
    /// false for what the shortcut does not cover (negative, non-finite or huge values); callers then format the double.
    /// The NDJSON log writes three of these per delivery.
    /// </summary>
    public static bool TryFormatMilliseconds(double value, Span<byte> utf8, out int written)
    {
        written = 0;
        var scaled = Math.Round(value * 1000, MidpointRounding.AwayFromZero);
        if (!(scaled < 1e15) || double.IsNegative(scaled) || utf8.Length < MillisecondsMaxLength)
            return false;
        var thousandths = (long)scaled;
        var whole = thousandths / 1000;
        var fraction = (int)(thousandths % 1000);
        if (!System.Buffers.Text.Utf8Formatter.TryFormat(whole, utf8, out written))
            return false;
        if (fraction == 0)
            return true;
        utf8[written++] = (byte)'.';
        var digits =
            fraction % 10 != 0 ? 3
            : fraction % 100 != 0 ? 2
            : 1;
        var divisor = 100;
        for (var digit = 0; digit < digits; digit++, divisor /= 10)
            utf8[written++] = (byte)('0' + fraction / divisor % 10);
        return true;
    }

    /// <summary>Room for any value <see cref="TryFormatMilliseconds"/> formats: 12 whole digits, a point, 3 decimals.</summary>
    public const int MillisecondsMaxLength = 16;

    /// <summary>Seconds with 3 decimals, the unit JUnit readers expect in <c>time</c> attributes.</summary>
    public static string Seconds(double milliseconds) =>
        (Math.Max(0, double.IsFinite(milliseconds) ? milliseconds : 0) / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>Whole milliseconds for people; sub-millisecond times read as <c>&lt;1 ms</c> rather than a misleading 0.</summary>
    public static string HumanMilliseconds(double value) =>
        !double.IsFinite(value) ? "? ms"
        : value < 0.5 ? "<1 ms"
        : Math.Round(value, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + " ms";
}
