using CallHooks.Conformance.Running.Load;

namespace CallHooks.Conformance.Tests.Running.Load;

public sealed class LatencyHistogramTests
{
    private static readonly double[] Quantiles = [0.5, 0.9, 0.99, 0.999, 1.0];

    [TestCase(1)]
    [TestCase(7)]
    [TestCase(2026)]
    public void Percentiles_are_within_one_percent_of_the_exact_nearest_rank_on_random_data(int seed)
    {
        var random = new Random(seed);
        // Log-uniform from 1 µs to 60 s: every bucket range of the histogram is exercised.
        var values = Enumerable.Range(0, 50_000).Select(_ => (long)Math.Exp(random.NextDouble() * Math.Log(60_000_000))).ToArray();
        var histogram = new LatencyHistogram();
        foreach (var value in values)
            histogram.Record(value);
        Array.Sort(values);

        foreach (var quantile in Quantiles)
        {
            var exact = values[(int)Math.Ceiling(quantile * values.Length) - 1] / 1000.0;
            Assert.That(histogram.PercentileMs(quantile), Is.EqualTo(exact).Within(1).Percent, $"q={quantile}");
        }
    }

    [Test]
    public void Small_values_are_exact_to_the_microsecond()
    {
        var histogram = new LatencyHistogram();
        foreach (var value in new long[] { 5, 17, 17, 200, 255 })
            histogram.Record(value);
        Assert.That(histogram.PercentileMs(0.5), Is.EqualTo(0.017));
        Assert.That(histogram.PercentileMs(1.0), Is.EqualTo(0.255));
    }

    [Test]
    public void Max_count_and_mean_are_exact_and_values_beyond_sixty_seconds_are_kept_in_the_max()
    {
        var histogram = new LatencyHistogram();
        histogram.RecordMilliseconds(10);
        histogram.RecordMilliseconds(30);
        histogram.RecordMilliseconds(90_000);
        Assert.That(histogram.Count, Is.EqualTo(3));
        Assert.That(histogram.MaxMs, Is.EqualTo(90_000));
        Assert.That(histogram.MeanMs, Is.EqualTo(30_013.333).Within(0.001));
        Assert.That(histogram.PercentileMs(0.5), Is.EqualTo(30).Within(1).Percent, "rank 2 of 3");
    }

    [Test]
    public void An_empty_histogram_reports_zeros()
    {
        Assert.That(new LatencyHistogram().Percentiles(), Is.EqualTo(LatencyPercentiles.Empty));
    }

    [Test]
    public void Concurrent_recording_loses_no_value_and_a_snapshot_taken_meanwhile_is_consistent()
    {
        var histogram = new LatencyHistogram();
        var reading = Task.Run(() =>
        {
            // Percentiles asked for while values arrive (as the progress display does) never fail and never run past the count.
            for (var look = 0; look < 200; look++)
                Assert.That(histogram.PercentileMs(0.999), Is.LessThanOrEqualTo(4.999));
        });
        Parallel.For(0, 100_000, value => histogram.Record(value % 5000));
        reading.Wait();
        Assert.That(histogram.Count, Is.EqualTo(100_000));
        Assert.That(histogram.MaxMs, Is.EqualTo(4.999));
        Assert.That(histogram.PercentileMs(1.0), Is.EqualTo(4.999), "p100 is the exact maximum");
    }

    [Test]
    public void A_sum_of_histograms_is_the_histogram_of_all_their_values()
    {
        var parts = Enumerable.Range(0, 5).Select(_ => new LatencyHistogram()).ToList();
        var all = new LatencyHistogram();
        for (var value = 0; value < 50_000; value++)
        {
            var microseconds = (value * 104_729L) % 90_000_000;
            parts[value % parts.Count].Record(microseconds);
            all.Record(microseconds);
        }

        var sum = LatencyHistogram.Sum(parts);
        Assert.That(sum.Percentiles(), Is.EqualTo(all.Percentiles()));
        Assert.That((sum.Count, sum.MaxMs, sum.MeanMs), Is.EqualTo((50_000L, all.MaxMs, all.MeanMs)));
        Assert.That(LatencyHistogram.Sum([]).Percentiles(), Is.EqualTo(new LatencyHistogram().Percentiles()));
    }
}
