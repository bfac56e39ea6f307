namespace CallHooks.Conformance.Reporting.Model;

/// <summary>How many answered deliveries took at most <see cref="UpToMs"/> (and more than the bucket before); null is the open last bucket.</summary>
internal sealed record HistogramBucket(double? UpToMs, int Count);
