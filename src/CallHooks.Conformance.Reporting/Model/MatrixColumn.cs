namespace CallHooks.Conformance.Reporting.Model;

/// <summary>One configuration a scenario ran under: a value per dimension, in the matrix's dimension order.</summary>
internal sealed record MatrixColumn(IReadOnlyList<string> Values);
