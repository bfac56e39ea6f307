namespace CallHooks.Conformance.Results;

/// <summary>
/// One configuration of a <c>--matrix</c> run, as results.json and the reports list it: what it is, the seed its calls
/// come from, and the command line that replays it alone (secrets masked).
/// </summary>
internal sealed record ConfigurationResult(
    string Provider,
    string Label,
    IReadOnlyList<KeyValuePair<string, string>> Values,
    int Seed,
    string Replay
);
