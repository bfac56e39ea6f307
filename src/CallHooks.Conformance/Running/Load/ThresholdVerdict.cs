namespace CallHooks.Conformance.Running.Load;

/// <summary>A threshold judged against a run.</summary>
/// <param name="Threshold">The limit as given.</param>
/// <param name="Actual">The measured value in the threshold's unit (ms, percent, count or calls per second).</param>
/// <param name="ActualText">The measured value for people, e.g. <c>612.4 ms</c>.</param>
/// <param name="Passed">True when the value is within the limit.</param>
internal sealed record ThresholdVerdict(Threshold Threshold, double Actual, string ActualText, bool Passed)
{
    /// <summary>E.g. <c>p99&lt;500ms broken: 612.4 ms</c>.</summary>
    public override string ToString() => $"{Threshold.Text} {(Passed ? "held" : "broken")}: {ActualText}";
}
