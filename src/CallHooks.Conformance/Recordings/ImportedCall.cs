using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CallHooks.Conformance.Scenarios;

namespace CallHooks.Conformance.Recordings;

/// <summary>
/// One recorded call, turned into a scenario file: its events in recorded order, the recorded pauses between them, and
/// as <c>set</c> the recorded values that differ in kind from what the profile generates (see <see cref="Differences"/>);
/// fields the profile sends but the recording lacks are <c>unset</c>.
/// </summary>
internal sealed partial record ImportedCall(
    string Provider,
    string CallId,
    IReadOnlyList<(RecordedExchange Exchange, Recognition Recognition)> Events
)
{
    /// <summary>Groups recognized exchanges into calls by provider and call id, each in arrival order.</summary>
    public static IReadOnlyList<ImportedCall> Group(IEnumerable<(RecordedExchange Exchange, Recognition Recognition)> recognized) =>
        [
            .. recognized
                .GroupBy(item => (item.Recognition.Provider, item.Recognition.CallId))
                .Select(call => new ImportedCall(call.Key.Provider, call.Key.CallId, [.. call.OrderBy(item => item.Exchange.At)]))
                .OrderBy(call => call.Events[0].Exchange.At),
        ];

    /// <summary>
    /// The scenario's name: the provider and the call id in the characters a scenario name allows (one call recorded
    /// from MyOperator's In-Call and After-Call webhooks is two scenarios with one uid). Names that still collide get
    /// <c>-2</c>, <c>-3</c>, ... (see <see cref="Names"/>).
    /// </summary>
    public string BaseName
    {
        get
        {
            var id = NotNameCharacters().Replace(CallId.ToLowerInvariant(), "-").Trim('-');
            var name = $"{Provider}-{(id is "" ? "call" : id)}";
            return name.Length > 58 ? name[..58].TrimEnd('-') : name;
        }
    }

    /// <summary>A distinct scenario name for each call, in order.</summary>
    public static IReadOnlyList<string> Names(IReadOnlyList<ImportedCall> calls)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        foreach (var call in calls)
        {
            var name = call.BaseName;
            for (var suffix = 2; !taken.Add(name); suffix++)
                name = $"{call.BaseName}-{suffix}";
            names.Add(name);
        }

        return names;
    }

    /// <summary>The scenario file's JSON.</summary>
    public JsonObject ToScenario(string name)
    {
        // The last event decides how the call ended; its sample's scenario gives the call's type and outcome.
        var shape = Events[^1].Recognition.Sample.Scenario;
        var events = new JsonArray();
        DateTimeOffset? previous = null;
        foreach (var (exchange, recognition) in Events)
        {
            var step = new JsonObject { ["event"] = recognition.Event };
            if (previous is { } before && exchange.At > before && !exchange.TimeUnknown)
                step["after"] = $"{(long)(exchange.At - before).TotalMilliseconds}ms";
            step["note"] = $"recorded: {exchange.Origin}";
            var (set, unset) = Differences(recognition);
            if (set.Count > 0)
                step["set"] = set;
            if (unset.Count > 0)
                step["unset"] = unset;
            events.Add(step);
            previous = exchange.At;
        }

        return new JsonObject
        {
            ["name"] = name,
            ["provider"] = Provider,
            ["description"] = Truncate(
                $"Recorded call {CallId}: {Events.Count} request(s) from {string.Join(", ", Events.Select(item => item.Exchange.Origin.Split(" exchange ")[0].Split(" entry ")[0]).Distinct())}"
            ),
            ["call"] = CallShape(shape),
            ["events"] = events,
        };
    }

    /// <summary>
    /// What makes the recorded event differ in kind from the profile's: fields the profile does not send, values of
    /// another shape (a caller with a plus where the profile sends ten digits), and the event's own values where they
    /// differ (a status). Per-call data in the profile's shape (ids, numbers, times) stays generated, so the scenario
    /// plays as many calls as a run needs, each judged against the call it generated; <c>replay</c> resends the
    /// recorded bytes themselves.
    /// </summary>
    private static (JsonObject Set, JsonArray Unset) Differences(Recognition recognition)
    {
        var (sample, recorded) = (recognition.Sample, recognition.Recorded);
        var set = new JsonObject();
        foreach (var (name, value) in recorded.Fields)
        {
            var differs =
                !sample.View.Shapes.TryGetValue(name, out var generated)
                || recorded.Shapes[name] != generated
                || sample.Stable.Contains(name) && recorded.Text(name) != sample.View.Text(name);
            if (differs)
                set[name] = value?.DeepClone();
        }

        var unset = new JsonArray();
        foreach (var (name, _) in sample.View.Fields)
            if (!recorded.Fields.ContainsKey(name))
                unset.Add(name);
        return (set, unset);
    }

    /// <summary>The <c>call</c> object of the shipped scenario the call looks like, as its file writes it.</summary>
    private static JsonObject CallShape(Scenario shape)
    {
        var file = JsonNode.Parse(File.ReadAllText(shape.SourcePath))!.AsObject();
        return file["call"]!.DeepClone().AsObject();
    }

    private static string Truncate(string text) => text.Length > 500 ? text[..497] + "..." : text;

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotNameCharacters();
}
