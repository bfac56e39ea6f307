using CallHooks.Conformance.Running.Load;

namespace CallHooks.Conformance.Tests.Running.Load;

public sealed class ThresholdTests
{
    [TestCase("p99<500ms", ThresholdMetric.P99, "<", 500.0, false)]
    [TestCase("p50 <= 1.5s", ThresholdMetric.P50, "<=", 1500.0, false)]
    [TestCase("p90<2m", ThresholdMetric.P90, "<", 120_000.0, false)]
    [TestCase("p99.9<1s", ThresholdMetric.P999, "<", 1000.0, false)]
    [TestCase("P999<1s", ThresholdMetric.P999, "<", 1000.0, false)]
    [TestCase("max<=3s", ThresholdMetric.Max, "<=", 3000.0, false)]
    [TestCase("errors<0.1%", ThresholdMetric.Errors, "<", 0.1, true)]
    [TestCase("errors<=10", ThresholdMetric.Errors, "<=", 10.0, false)]
    [TestCase("rate>=95%", ThresholdMetric.Rate, ">=", 95.0, true)]
    [TestCase("rate>99.5", ThresholdMetric.Rate, ">", 99.5, false)]
    public void Thresholds_parse_into_metric_comparison_and_limit(
        string text,
        object metricCase,
        string comparison,
        double limit,
        bool percent
    )
    {
        // Test methods are public and the metric is internal: it arrives as object.
        var metric = (ThresholdMetric)metricCase;
        Assert.That(Threshold.TryParse(text, out var threshold, out var problem), Is.True, problem);
        Assert.That(
            (threshold!.Metric, threshold.Comparison, threshold.Limit, threshold.IsPercent),
            Is.EqualTo((metric, comparison, limit, percent))
        );
    }

    [TestCase("p99", "'p99' is not a threshold: use METRIC<VALUE, e.g. p99<500ms or errors<0.1%")]
    [TestCase("p98<1s", "'p98<1s': unknown metric 'p98'; use p50, p90, p99, p99.9 (or p999), max, errors or rate")]
    [TestCase("p99<500", "'p99<500': '500' is not a duration: use a number and a unit, e.g. 250ms, 5s, 1.5s, 2m")]
    [TestCase("errors<lots", "'errors<lots': 'lots' is not an error limit; use a percentage (errors<0.1%) or a count (errors<=10)")]
    [TestCase("rate>fast", "'rate>fast': 'fast' is not a rate; use calls per second (rate>=100) or a percentage of --rate (rate>=95%)")]
    public void Malformed_thresholds_say_what_is_wrong(string text, string expected)
    {
        Assert.That(Threshold.TryParse(text, out var threshold, out var problem), Is.False);
        Assert.That(threshold, Is.Null);
        Assert.That(problem, Is.EqualTo(expected));
    }

    [TestCase("p99<500ms", true, "612 ms")]
    [TestCase("p99<700ms", false, null)]
    [TestCase("p50<=100ms", false, null)]
    [TestCase("p90<150ms", true, null)]
    [TestCase("p99.9<1s", true, null)]
    [TestCase("max<2s", true, "2500 ms")]
    [TestCase("errors<0.1%", true, "0.2%")]
    [TestCase("errors<0.5%", false, null)]
    [TestCase("errors<=2", false, null)]
    [TestCase("errors<2", true, "2")]
    [TestCase("rate>=95%", true, "90% of the target")]
    [TestCase("rate>=90", false, null)]
    public void Verdicts_compare_the_measured_value_with_the_limit(string text, bool broken, string? shown)
    {
        Assert.That(Threshold.TryParse(text, out var threshold, out _), Is.True);
        var verdict = threshold!.Judge(Summary());
        Assert.That(verdict.Passed, Is.EqualTo(!broken), verdict.ToString);
        if (shown is not null)
            Assert.That(verdict.ToString(), Is.EqualTo($"{text} {(broken ? "broken" : "held")}: {shown}"));
    }

    /// <summary>1000 deliveries, 2 failed (0.2%); p50 100 ms, p90 200, p99 612, p99.9 1000, max 2500; 90 calls/s of 100.</summary>
    private static LoadSummary Summary() =>
        new()
        {
            TargetRate = 100,
            AchievedRate = 90,
            Concurrency = 10,
            CallsStarted = 300,
            CallsCompleted = 300,
            CallsFailed = 2,
            Deliveries = 1000,
            DeliveriesFailed = 2,
            DeliveriesPerSecond = 300,
            Elapsed = TimeSpan.FromSeconds(3),
            Latency = new LatencyPercentiles(1000, 100, 200, 612, 1000, 2500, 150),
            Sent = new LatencyPercentiles(1000, 90, 180, 500, 900, 2400, 140),
            ByProvider = [],
            ByEvent = [],
            Errors = [],
        };
}
