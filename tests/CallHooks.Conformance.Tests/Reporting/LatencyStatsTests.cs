using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Reporting.Model;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Tests.Reporting;

public sealed class LatencyStatsTests
{
    [Test]
    public void Percentiles_are_nearest_rank()
    {
        var sorted = Enumerable.Range(1, 100).Select(value => (double)value).ToList();

        Assert.That(new[] { 50, 90, 99, 100 }.Select(p => LatencyStats.Percentile(sorted, p)), Is.EqualTo(new double?[] { 50, 90, 99, 100 }));
        Assert.That(LatencyStats.Percentile([7.0], 99), Is.EqualTo(7.0));
        Assert.That(LatencyStats.Percentile([1.0, 2.0, 3.0, 4.0], 50), Is.EqualTo(2.0));
        Assert.That(LatencyStats.Percentile([], 50), Is.Null);
    }

    [Test]
    public void Each_event_type_gets_its_figures_and_no_response_is_counted_apart()
    {
        var deliveries = Enumerable.Range(1, 10).Select(i => RunFixtures.Delivery(i, "6", RunFixtures.Ok(i * 10))).ToList();
        deliveries.Add(RunFixtures.Delivery(11, "6", Timeout(), "timeout"));
        deliveries.Add(RunFixtures.Delivery(12, "2", RunFixtures.Ok(3)));
        var run = RunFixtures.Run([RunFixtures.Scenario("p", "s", deliveries)]);

        var byEvent = LatencyStats.ByEvent(run);

        Assert.That(byEvent, Is.EqualTo(new[]
        {
            new EventLatency("p", "6", 10, 1, 50, 90, 100, 100),
            new EventLatency("p", "2", 1, 0, 3, 3, 3, 3),
        }));
    }

    [Test]
    public void The_same_event_id_of_two_providers_is_two_event_types()
    {
        var run = RunFixtures.Run(
        [
            RunFixtures.Scenario("a", "s", [RunFixtures.Delivery(0, "1", RunFixtures.Ok(1))]),
            RunFixtures.Scenario("b", "s", [RunFixtures.Delivery(0, "1", RunFixtures.Ok(2))]),
        ]);

        Assert.That(LatencyStats.ByEvent(run).Select(latency => (latency.Provider, latency.Event, latency.Max)),
            Is.EqualTo(new[] { ("a", "1", (double?)1), ("b", "1", 2) }));
    }

    [Test]
    public void Histogram_buckets_include_their_upper_bound_and_end_open()
    {
        var latencies = new[] { 0.2, 1.0, 1.01, 5000, 5000.5, 60000 };
        var run = RunFixtures.Run([RunFixtures.Scenario("p", "s", latencies.Select((ms, i) => RunFixtures.Delivery(i, "1", RunFixtures.Ok(ms))).ToList()
            .Append(RunFixtures.Delivery(9, "1", Timeout(), "timeout")).ToList())]);

        var histogram = LatencyStats.Histogram(run);

        Assert.That(histogram.Select(bucket => bucket.UpToMs), Is.EqualTo(new double?[] { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, null }));
        Assert.That(histogram.Select(bucket => bucket.Count), Is.EqualTo(new[] { 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2 }));
    }

    private static Observation Timeout() => new()
    {
        SentAt = RunFixtures.Start,
        LatencyMs = 5000,
        Failure = new ObservedFailure(FailureKind.Timeout, "no response within 5s"),
    };
}
