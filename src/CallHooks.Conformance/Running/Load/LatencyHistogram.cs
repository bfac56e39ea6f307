using HdrHistogram;

namespace CallHooks.Conformance.Running.Load;

/// <summary>
/// The product's one latency distribution: every percentile the console, results.json, report.md and report.html show
/// comes from here, for load runs and conformance runs alike. An HdrHistogram (fixed memory whatever the number of
/// values, microsecond resolution below 256 µs and under 0.4% error above it: each value is reported at the middle of
/// its bucket), up to <see cref="MaxMicroseconds"/>; the exact count, sum and maximum are kept beside it.
/// </summary>
/// <remarks>
/// Values are recorded through an HdrHistogram <see cref="Recorder"/> from any number of threads without locks; a reader
/// takes what was recorded since its last look and adds it to a running total, so every snapshot is consistent (its
/// counts add up to its total) even while recording goes on.
/// </remarks>
internal sealed class LatencyHistogram
{
    /// <summary>60 s: anything longer is counted in the top bucket (the exact maximum is still kept).</summary>
    public const long MaxMicroseconds = 60_000_000;

    /// <summary>Two significant digits: 256 sub-buckets per power of two, so a bucket's middle is within 0.4% of any value in it.</summary>
    private const int SignificantDigits = 2;

    private readonly Recorder? recorder;
    private readonly Lock gate = new();
    private readonly LongHistogram total = NewHistogram();
    private HistogramBase? recycled;
    private long count;
    private long sumMicroseconds;
    private long maxMicroseconds;

    public LatencyHistogram() =>
        recorder = new Recorder(1, MaxMicroseconds, SignificantDigits, (id, lowest, highest, digits) =>
            new LongConcurrentHistogram(id, lowest, highest, digits)
        );

    /// <summary>A fixed histogram: the sum of others (<see cref="Sum"/>), which records nothing more.</summary>
    private LatencyHistogram(LongHistogram snapshot, long count, long sumMicroseconds, long maxMicroseconds)
    {
        total = snapshot;
        this.count = count;
        this.sumMicroseconds = sumMicroseconds;
        this.maxMicroseconds = maxMicroseconds;
    }

    public long Count => Interlocked.Read(ref count);

    public double MaxMs => Interlocked.Read(ref maxMicroseconds) / 1000.0;

    public double MeanMs
    {
        get
        {
            var (values, sum) = (Interlocked.Read(ref count), Interlocked.Read(ref sumMicroseconds));
            return values == 0 ? 0 : sum / 1000.0 / values;
        }
    }

    public void RecordMilliseconds(double milliseconds) =>
        Record(double.IsFinite(milliseconds) && milliseconds > 0 ? (long)Math.Round(milliseconds * 1000.0) : 0);

    public void Record(long microseconds)
    {
        if (recorder is null)
            throw new InvalidOperationException("a sum of histograms is a snapshot: record into its parts");
        microseconds = Math.Max(0, microseconds);
        recorder.RecordValue(Math.Min(microseconds, MaxMicroseconds));
        Interlocked.Increment(ref count);
        Interlocked.Add(ref sumMicroseconds, microseconds);
        var max = Interlocked.Read(ref maxMicroseconds);
        while (microseconds > max)
        {
            var seen = Interlocked.CompareExchange(ref maxMicroseconds, microseconds, max);
            if (seen == max)
                break;
            max = seen;
        }
    }

    /// <summary>
    /// The value at nearest rank of <paramref name="quantile"/> (e.g. 0.99 for p99), in milliseconds: the middle of the
    /// bucket holding that rank, never above the recorded maximum, so p100 and max agree exactly; 0 when empty.
    /// </summary>
    public double PercentileMs(double quantile) => PercentileMs(Snapshot(), quantile);

    /// <summary>p50, p90, p99, p99.9, max and mean, all read from one snapshot.</summary>
    public LatencyPercentiles Percentiles()
    {
        var snapshot = Snapshot();
        return new LatencyPercentiles(
            Count,
            PercentileMs(snapshot, 0.50),
            PercentileMs(snapshot, 0.90),
            PercentileMs(snapshot, 0.99),
            PercentileMs(snapshot, 0.999),
            MaxMs,
            MeanMs
        );
    }

    /// <summary>
    /// One histogram holding every value recorded into <paramref name="parts"/> so far, so its percentiles are those of
    /// all the values recorded into one. A snapshot: each part may go on recording.
    /// </summary>
    public static LatencyHistogram Sum(IEnumerable<LatencyHistogram> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var sum = NewHistogram();
        long values = 0,
            microseconds = 0,
            max = 0;
        foreach (var part in parts)
        {
            sum.Add(part.Snapshot());
            values += part.Count;
            microseconds += Interlocked.Read(ref part.sumMicroseconds);
            max = Math.Max(max, Interlocked.Read(ref part.maxMicroseconds));
        }

        return new LatencyHistogram(sum, values, microseconds, max);
    }

    /// <summary>Everything recorded so far, as a histogram of its own: what was recorded since the last look is added to the total first.</summary>
    private LongHistogram Snapshot()
    {
        lock (gate)
        {
            if (recorder is not null)
            {
                var interval = recorder.GetIntervalHistogram(recycled);
                total.Add(interval);
                recycled = interval;
            }

            return (LongHistogram)total.Copy();
        }
    }

    private double PercentileMs(LongHistogram snapshot, double quantile)
    {
        if (snapshot.TotalCount == 0)
            return 0;
        var bucketTop = snapshot.GetValueAtPercentile(Math.Clamp(quantile, 0, 1) * 100);
        return Math.Min(snapshot.MedianEquivalentValue(bucketTop), Interlocked.Read(ref maxMicroseconds)) / 1000.0;
    }

    private static LongHistogram NewHistogram() => new(1, MaxMicroseconds, SignificantDigits);
}
