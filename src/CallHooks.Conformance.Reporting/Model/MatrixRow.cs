namespace CallHooks.Conformance.Reporting.Model;

/// <summary>One scenario name; a cell per column, null where the scenario did not run in that configuration.</summary>
internal sealed record MatrixRow(string Name, IReadOnlyList<MatrixCell?> Cells);
