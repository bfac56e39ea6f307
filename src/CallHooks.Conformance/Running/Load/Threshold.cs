using System.Globalization;
using System.Text.RegularExpressions;
using CallHooks.Conformance.Scenarios;

namespace CallHooks.Conformance.Running.Load;

/// <summary>
/// A pass/fail limit on a load run, written as on the command line: <c>p99&lt;500ms</c>, <c>max&lt;=2s</c>,
/// <c>errors&lt;0.1%</c> (or a count, <c>errors&lt;=10</c>), <c>rate&gt;=95%</c> (of the target, or calls per second).
/// Latency limits apply to the latency from the intended send time, the one a slow harness cannot flatter.
/// </summary>
internal sealed partial record Threshold(string Text, ThresholdMetric Metric, string Comparison, double Limit, bool IsPercent)
{
    private const string Metrics = "p50, p90, p99, p99.9 (or p999), max, errors or rate";

    [GeneratedRegex(@"^\s*(?<metric>[A-Za-z0-9.]+)\s*(?<op><=|>=|<|>)\s*(?<value>[^\s]+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^(?<n>[0-9]{1,9}(\.[0-9]{1,6})?)(?<pct>%)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    /// <summary>Parses one threshold; on failure <paramref name="problem"/> says what is wrong and what would be right.</summary>
    public static bool TryParse(string text, out Threshold? threshold, out string problem)
    {
        threshold = null;
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            problem = $"'{text}' is not a threshold: use METRIC<VALUE, e.g. p99<500ms or errors<0.1%";
            return false;
        }

        var op = match.Groups["op"].Value;
        var value = match.Groups["value"].Value;
        var metric = ParseMetric(match.Groups["metric"].Value.ToLowerInvariant());
        if (metric is null)
        {
            problem = $"'{text}': unknown metric '{match.Groups["metric"].Value}'; use {Metrics}";
            return false;
        }

        if (metric is ThresholdMetric.Errors or ThresholdMetric.Rate)
        {
            var number = Number().Match(value);
            if (!number.Success)
            {
                problem =
                    metric is ThresholdMetric.Errors
                        ? $"'{text}': '{value}' is not an error limit; use a percentage (errors<0.1%) or a count (errors<=10)"
                        : $"'{text}': '{value}' is not a rate; use calls per second (rate>=100) or a percentage of --rate (rate>=95%)";
                return false;
            }

            threshold = new Threshold(
                text.Trim(),
                metric.Value,
                op,
                double.Parse(number.Groups["n"].Value, CultureInfo.InvariantCulture),
                number.Groups["pct"].Success
            );
            problem = "";
            return true;
        }

        if (!DurationText.TryParse(value, out var limit, out var durationProblem))
        {
            problem = $"'{text}': {durationProblem}";
            return false;
        }

        threshold = new Threshold(text.Trim(), metric.Value, op, limit.TotalMilliseconds, IsPercent: false);
        problem = "";
        return true;
    }

    /// <summary>Judges a finished run: the measured value and whether it is within the limit.</summary>
    public ThresholdVerdict Judge(LoadSummary summary)
    {
        var (actual, shown) = Metric switch
        {
            ThresholdMetric.P50 => Ms(summary.Latency.P50Ms),
            ThresholdMetric.P90 => Ms(summary.Latency.P90Ms),
            ThresholdMetric.P99 => Ms(summary.Latency.P99Ms),
            ThresholdMetric.P999 => Ms(summary.Latency.P999Ms),
            ThresholdMetric.Max => Ms(summary.Latency.MaxMs),
            ThresholdMetric.Errors when IsPercent => (summary.ErrorRate * 100, Format(summary.ErrorRate * 100) + "%"),
            ThresholdMetric.Errors => (summary.DeliveriesFailed, Format(summary.DeliveriesFailed)),
            ThresholdMetric.Rate when IsPercent => (
                summary.AchievedRate / summary.TargetRate * 100,
                Format(summary.AchievedRate / summary.TargetRate * 100) + "% of the target"
            ),
            _ => (summary.AchievedRate, Format(summary.AchievedRate) + " calls/s"),
        };
        var passed = Comparison switch
        {
            "<" => actual < Limit,
            "<=" => actual <= Limit,
            ">" => actual > Limit,
            _ => actual >= Limit,
        };
        return new ThresholdVerdict(this, actual, shown, passed);
    }

    private static (double, string) Ms(double value) => (value, Format(value) + " ms");

    private static string Format(double value) => value.ToString(value < 10 ? "0.###" : "0.#", CultureInfo.InvariantCulture);

    private static ThresholdMetric? ParseMetric(string name) =>
        name switch
        {
            "p50" => ThresholdMetric.P50,
            "p90" => ThresholdMetric.P90,
            "p99" => ThresholdMetric.P99,
            "p99.9" or "p999" => ThresholdMetric.P999,
            "max" => ThresholdMetric.Max,
            "errors" => ThresholdMetric.Errors,
            "rate" => ThresholdMetric.Rate,
            _ => null,
        };
}
