using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Reporting.Model;

namespace CallHooks.Conformance.Tests.Reporting;

public sealed class LatencyStatsTests
{
    [Test]
    public void Report_percentiles_are_the_load_histogram_s_so_the_product_has_one_definition()
    {
        var latencies = Enumerable.Range(1, 100).Select(value => value * 1.7).ToList();
        var run = RunFixtures.Run([
            RunFixtures.Scenario("p", "s", latencies.Select((ms, i) => RunFixtures.Delivery(i, "1", RunFixtures.Ok(ms))).ToList()),
        ]);
        var histogram = new CallHooks.Conformance.Running.Load.LatencyHistogram();
        foreach (var latency in latencies)
            histogram.RecordMilliseconds(latency);

        var figures = LatencyStats.ByEvent(run).Single();
        Assert.That(
            (figures.P50, figures.P90, figures.P99, figures.Max),
            Is.EqualTo(
                (
                    (double?)histogram.PercentileMs(0.5),
                    (double?)histogram.PercentileMs(0.9),
                    (double?)histogram.PercentileMs(0.99),
                    (double?)histogram.MaxMs
                )
            )
        );
        Assert.That(figures.P50, Is.EqualTo(85).Within(0.4).Percent, "nearest rank: the 50th of 100 values");
        Assert.That(figures.P99, Is.EqualTo(168.3).Within(0.4).Percent);
        Assert.That(LatencyStats.Median(run.Scenarios[0].Deliveries), Is.EqualTo(figures.P50));
        Assert.That(LatencyStats.Median([]), Is.Null);
    }

    [Test]
    public void Each_event_type_gets_its_figures_and_no_response_is_counted_apart()
    {
        var deliveries = Enumerable.Range(1, 10).Select(i => RunFixtures.Delivery(i, "6", RunFixtures.Ok(i * 10))).ToList();
        deliveries.Add(RunFixtures.Delivery(11, "6", Timeout(), "timeout"));
        deliveries.Add(RunFixtures.Delivery(12, "2", RunFixtures.Ok(3)));
        var run = RunFixtures.Run([RunFixtures.Scenario("p", "s", deliveries)]);

        var byEvent = LatencyStats.ByEvent(run);

        Assert.That(
            byEvent.Select(latency => (latency.Provider, latency.Event, latency.Answered, latency.NoResponse, latency.Max)),
            Is.EqualTo(new[] { ("p", "6", 10, 1, (double?)100), ("p", "2", 1, 0, 3) })
        );
        Assert.That(
            new[] { byEvent[0].P50, byEvent[0].P90, byEvent[0].P99 },
            Is.EqualTo(new double?[] { 50, 90, 100 }).Within(0.4).Percent
        );
        Assert.That(new[] { byEvent[1].P50, byEvent[1].P90, byEvent[1].P99 }, Is.EqualTo(new double?[] { 3, 3, 3 }));
    }

    [Test]
    public void The_same_event_id_of_two_providers_is_two_event_types()
    {
        var run = RunFixtures.Run([
            RunFixtures.Scenario("a", "s", [RunFixtures.Delivery(0, "1", RunFixtures.Ok(1))]),
            RunFixtures.Scenario("b", "s", [RunFixtures.Delivery(0, "1", RunFixtures.Ok(2))]),
        ]);

        Assert.That(
            LatencyStats.ByEvent(run).Select(latency => (latency.Provider, latency.Event, latency.Max)),
            Is.EqualTo(new[] { ("a", "1", (double?)1), ("b", "1", 2) })
        );
    }

    [Test]
    public void Histogram_buckets_include_their_upper_bound_and_end_open()
    {
        var latencies = new[] { 0.2, 1.0, 1.01, 5000, 5000.5, 60000 };
        var run = RunFixtures.Run([
            RunFixtures.Scenario(
                "p",
                "s",
                latencies
                    .Select((ms, i) => RunFixtures.Delivery(i, "1", RunFixtures.Ok(ms)))
                    .ToList()
                    .Append(RunFixtures.Delivery(9, "1", Timeout(), "timeout"))
                    .ToList()
            ),
        ]);

        var histogram = LatencyStats.Histogram(run);

        Assert.That(
            histogram.Select(bucket => bucket.UpToMs),
            Is.EqualTo(new double?[] { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, null })
        );
        Assert.That(histogram.Select(bucket => bucket.Count), Is.EqualTo(new[] { 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2 }));
    }

    private static Observation Timeout() =>
        new()
        {
            SentAt = RunFixtures.Start,
            LatencyMs = 5000,
            Failure = new ObservedFailure(FailureKind.Timeout, "no response within 5s"),
        };
}
