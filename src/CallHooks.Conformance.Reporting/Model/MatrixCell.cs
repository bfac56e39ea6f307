namespace CallHooks.Conformance.Reporting.Model;

/// <summary>The scenario results that fall into one row and column (usually exactly one).</summary>
/// <param name="Skipped">Scenarios the configuration sent nothing of (a panel without a webhook for their events): neither passed nor failed.</param>
internal sealed record MatrixCell(
    IReadOnlyList<int> Scenarios,
    int Passed,
    int Failed,
    int Deliveries,
    int DeliveriesFailed,
    int Skipped = 0
);
