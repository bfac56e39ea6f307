namespace CallHooks.Conformance.Reporting.Comparison;

/// <summary>How a cell is named in comparisons and known-failures files: <c>provider/scenario</c>, or <c>provider/scenario [configuration]</c> in a sweep.</summary>
internal static class Cell
{
    public static string Id(string provider, string scenario, string? configuration) =>
        configuration is null ? $"{provider}/{scenario}" : $"{provider}/{scenario} [{configuration}]";

    public static string Id(Results.ScenarioResult scenario) => Id(scenario.Provider, scenario.Name, scenario.ConfigurationLabel);
}
