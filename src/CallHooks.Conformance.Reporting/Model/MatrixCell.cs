namespace CallHooks.Conformance.Reporting.Model;

/// <summary>The scenario results that fall into one row and column (usually exactly one).</summary>
internal sealed record MatrixCell(IReadOnlyList<int> Scenarios, int Passed, int Failed, int Deliveries, int DeliveriesFailed);
