namespace CallHooks.Conformance.Reporting.Comparison;

/// <summary>A baseline, results.json or known-failures file that cannot be used, with a message naming the file and field (exit 2).</summary>
internal sealed class ComparisonInputException(string message) : Exception(message);
