namespace CallHooks.Conformance.Providers.Readings;

/// <summary>
/// Validates the <c>--option</c> settings that name a profile's readings, so every profile refuses an unknown value
/// in the same words, listing the values it has.
/// </summary>
internal static class ReadingOptions
{
    /// <summary>True when <paramref name="option"/> is the id of one of <paramref name="readings"/>.</summary>
    public static bool Names(IReadOnlyList<Reading> readings, string option) => readings.Any(reading => reading.Id == option);

    /// <summary>One sentence per option that names a reading with a value it does not have.</summary>
    public static IEnumerable<string> Problems(IReadOnlyList<Reading> readings, IReadOnlyDictionary<string, string> options) =>
        from reading in readings
        where options.ContainsKey(reading.Id)
        let problem = reading.Problem(options[reading.Id])
        where problem is not null
        select problem;

    /// <summary>"clid=national|e164, uuid=per-call|per-leg": the readings as an option list for "no such option" messages.</summary>
    public static string Usage(IReadOnlyList<Reading> readings) =>
        string.Join(", ", readings.Select(reading => reading.Id + "=" + string.Join("|", reading.Choices.Select(choice => choice.Value))));

    /// <summary>The reading with this id; a profile asking for one it does not declare is a bug.</summary>
    public static Reading Get(IReadOnlyList<Reading> readings, string id) =>
        readings.FirstOrDefault(reading => reading.Id == id) ?? throw new InvalidOperationException($"no reading '{id}'");
}
