namespace CallHooks.Conformance.Running.Load;

/// <summary>
/// A log-linear latency histogram in the style of HdrHistogram: fixed memory (about 21 KB a stripe) whatever the
/// number of values, microsecond resolution below 256 µs and under 0.4% relative error above (128 buckets per power
/// of two, reported at the bucket's midpoint), up to <see cref="MaxMicroseconds"/>. Recording is lock-free, so calls
/// completing on many threads never wait on each other; the exact count, sum and maximum are kept beside it.
/// A load run records two values per delivery from every core at once; with one set of counters the cores would pass
/// the same cache lines back and forth on each of them. So each core records into its own stripe (up to four, chosen
/// by the processor the thread runs on), still atomically because a thread can move between cores, and readers add
/// the stripes up.
/// </summary>
public sealed class LatencyHistogram
{
    /// <summary>60 s: anything longer is counted in the top bucket (the exact maximum is still kept).</summary>
    public const long MaxMicroseconds = 60_000_000;

    private const int SubBucketBits = 7;
    private const int SubBuckets = 1 << SubBucketBits;          // 128 buckets per power of two
    private const int LinearLimit = SubBuckets * 2;              // values below 256 µs get a bucket each

    private static readonly int BucketCount = IndexOf(MaxMicroseconds) + 1;

    // A power of two, so a processor number maps to a stripe with a mask.
    private static readonly int StripeCount = Environment.ProcessorCount >= 4 ? 4 : Environment.ProcessorCount >= 2 ? 2 : 1;

    private readonly Stripe[] stripes;

    public LatencyHistogram()
        : this(StripeCount)
    {
    }

    private LatencyHistogram(int stripeCount) => stripes = CreateStripes(stripeCount);

    public long Count
    {
        get
        {
            long total = 0;
            foreach (var stripe in stripes)
                total += Read(ref stripe.Count);
            return total;
        }
    }

    public double MaxMs => RecordedMax() / 1000.0;

    public double MeanMs
    {
        get
        {
            long count = 0, sum = 0;
            foreach (var stripe in stripes)
            {
                count += Read(ref stripe.Count);
                sum += Read(ref stripe.SumMicroseconds);
            }

            return count == 0 ? 0 : sum / 1000.0 / count;
        }
    }

    public void RecordMilliseconds(double milliseconds) =>
        Record(double.IsFinite(milliseconds) && milliseconds > 0 ? (long)Math.Round(milliseconds * 1000.0) : 0);

    public void Record(long microseconds) => Record(microseconds, Thread.GetCurrentProcessorId());

    /// <summary>Records into the stripe of processor <paramref name="processor"/>; tests pick stripes with it.</summary>
    internal void Record(long microseconds, int processor)
    {
        microseconds = Math.Max(0, microseconds);
        var stripe = stripes[processor & (stripes.Length - 1)];
        Interlocked.Increment(ref stripe.Counts[IndexOf(Math.Min(microseconds, MaxMicroseconds))]);
        Interlocked.Increment(ref stripe.Count);
        Interlocked.Add(ref stripe.SumMicroseconds, microseconds);
        var max = Read(ref stripe.MaxMicroseconds);
        while (microseconds > max)
        {
            var seen = Interlocked.CompareExchange(ref stripe.MaxMicroseconds, microseconds, max);
            if (seen == max)
                break;
            max = seen;
        }
    }

    /// <summary>
    /// The value at nearest rank ceil(q × count) in milliseconds, e.g. q = 0.99 for p99; 0 when empty.
    /// Never above the recorded maximum, so p100 and max agree exactly.
    /// </summary>
    public double PercentileMs(double quantile)
    {
        var total = Count;
        if (total == 0)
            return 0;
        var rank = Math.Max(1, (long)Math.Ceiling(Math.Clamp(quantile, 0, 1) * total));
        long seen = 0;
        for (var index = 0; index < BucketCount; index++)
        {
            foreach (var stripe in stripes)
                seen += Read(ref stripe.Counts[index]);
            if (seen >= rank)
                return Math.Min(Midpoint(index), RecordedMax()) / 1000.0;
        }

        return MaxMs;
    }

    public LatencyPercentiles Percentiles() => new(
        Count, PercentileMs(0.50), PercentileMs(0.90), PercentileMs(0.99), PercentileMs(0.999), MaxMs, MeanMs);

    /// <summary>
    /// One histogram holding every value recorded into <paramref name="parts"/> so far: histograms of the same layout
    /// add up bucket by bucket, so the percentiles of the sum are those of all values recorded into one. A snapshot:
    /// each part may go on recording. Its count is the sum of its buckets, so its ranks always fall inside them.
    /// </summary>
    public static LatencyHistogram Sum(IEnumerable<LatencyHistogram> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var sum = new LatencyHistogram(stripeCount: 1);
        var into = sum.stripes[0];
        foreach (var part in parts)
        {
            foreach (var stripe in part.stripes)
            {
                for (var index = 0; index < BucketCount; index++)
                    into.Counts[index] += Read(ref stripe.Counts[index]);
                into.SumMicroseconds += Read(ref stripe.SumMicroseconds);
                into.MaxMicroseconds = Math.Max(into.MaxMicroseconds, Read(ref stripe.MaxMicroseconds));
            }
        }

        foreach (var count in into.Counts)
            into.Count += count;
        return sum;
    }

    private static Stripe[] CreateStripes(int count)
    {
        var created = new Stripe[count];
        for (var index = 0; index < created.Length; index++)
            created[index] = new Stripe();
        return created;
    }

    /// <summary>
    /// A counter's current value. A 64-bit process reads an aligned long whole with a plain load; Interlocked.Read, a
    /// locked compare-exchange there too, would take the cache line away from the cores recording into it.
    /// </summary>
    private static long Read(ref long counter) => Environment.Is64BitProcess ? Volatile.Read(ref counter) : Interlocked.Read(ref counter);

    private long RecordedMax()
    {
        long max = 0;
        foreach (var stripe in stripes)
            max = Math.Max(max, Read(ref stripe.MaxMicroseconds));
        return max;
    }

    /// <summary>Bucket of a value: linear below 256 µs, then 128 equal buckets per power of two.</summary>
    internal static int IndexOf(long microseconds)
    {
        if (microseconds < LinearLimit)
            return (int)microseconds;
        var power = 63 - (int)long.LeadingZeroCount(microseconds);   // ≥ 8
        var shift = power - SubBucketBits;
        var mantissa = (int)(microseconds >> shift) - SubBuckets;   // 0..127
        return LinearLimit + ((power - SubBucketBits - 1) * SubBuckets) + mantissa;
    }

    /// <summary>The middle of a bucket's range, the value with the smallest worst-case error.</summary>
    internal static long Midpoint(int index)
    {
        if (index < LinearLimit)
            return index;
        var offset = index - LinearLimit;
        var power = (offset / SubBuckets) + SubBucketBits + 1;
        var shift = power - SubBucketBits;
        var lowest = ((long)(offset % SubBuckets) + SubBuckets) << shift;
        return lowest + ((1L << shift) / 2);
    }

    /// <summary>One core's share of the counts; fields, not properties, so they can be updated in place atomically.</summary>
    private sealed class Stripe
    {
        public readonly long[] Counts = new long[BucketCount];
        public long Count;
        public long SumMicroseconds;
        public long MaxMicroseconds;
    }
}
