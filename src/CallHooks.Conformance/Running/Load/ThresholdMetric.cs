namespace CallHooks.Conformance.Running.Load;

/// <summary>What a threshold limits.</summary>
internal enum ThresholdMetric
{
    P50,
    P90,
    P99,
    P999,
    Max,
    Errors,
    Rate,
}
