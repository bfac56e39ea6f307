using System.Globalization;
using System.Text.RegularExpressions;

namespace CallHooks.Conformance.Scenarios;

/// <summary>Parses and prints the durations used on the command line and in scenario files: <c>250ms</c>, <c>5s</c>, <c>1.5s</c>, <c>2m</c>.</summary>
internal static partial class DurationText
{
    /// <summary>Longest duration accepted anywhere; beyond it a value is certainly a typo.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromHours(24);

    [GeneratedRegex(@"^(?<n>[0-9]{1,9}(\.[0-9]{1,3})?)(?<u>ms|s|m|h)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, out TimeSpan value, out string error)
    {
        value = default;
        var match = Pattern().Match(text ?? "");
        if (!match.Success)
        {
            error = $"'{text}' is not a duration: use a number and a unit, e.g. 250ms, 5s, 1.5s, 2m";
            return false;
        }

        var number = decimal.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        var milliseconds = match.Groups["u"].Value switch
        {
            "ms" => number,
            "s" => number * 1000m,
            "m" => number * 60_000m,
            _ => number * 3_600_000m,
        };
        if (milliseconds > (decimal)Max.TotalMilliseconds)
        {
            error = $"'{text}' is longer than the maximum of {Format(Max)}";
            return false;
        }

        value = TimeSpan.FromMilliseconds((double)Math.Round(milliseconds));
        error = "";
        return true;
    }

    public static string Format(TimeSpan value) =>
        value switch
        {
            { TotalMilliseconds: < 1000 } => $"{value.TotalMilliseconds:0}ms",
            { Milliseconds: 0, TotalSeconds: < 60 } => $"{value.TotalSeconds:0}s",
            { TotalSeconds: < 60 } => value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s",
            { TotalMinutes: < 60, Seconds: 0, Milliseconds: 0 } => $"{value.TotalMinutes:0}m",
            _ => value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s",
        };
}
