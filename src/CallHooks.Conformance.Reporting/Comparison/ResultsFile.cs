using System.Globalization;
using System.Text.Json;

namespace CallHooks.Conformance.Reporting.Comparison;

/// <summary>
/// Reads a results.json (or the run folder holding one) for a comparison. Anything that is not a callhooks results.json
/// of a format this version reads is refused with the file and the field that is wrong.
/// </summary>
internal static class ResultsFile
{
    /// <summary>The results.json format this version writes and reads (<c>"format"</c>; files without one are format 1).</summary>
    public const int Format = 1;

    private const int MaxBytes = 512 * 1024 * 1024;

    /// <summary>The snapshot, or throws <see cref="ComparisonInputException"/> saying what is wrong.</summary>
    public static RunSnapshot Read(string path)
    {
        var file = Directory.Exists(path) ? System.IO.Path.Combine(path, "results.json") : path;
        if (!File.Exists(file))
            throw new ComparisonInputException(
                Directory.Exists(path) ? $"{path}: the folder holds no results.json" : $"{path}: file not found"
            );
        var (bytes, problem) = Input.BoundedFile.Read(file, MaxBytes, "a results.json");
        if (bytes is null)
            throw new ComparisonInputException($"{file}: {problem}");
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return Snapshot(file, document.RootElement);
        }
        catch (JsonException exception)
        {
            throw new ComparisonInputException($"{file}: not JSON ({exception.Message.Split(" LineNumber", 2)[0]})");
        }
    }

    /// <summary>The snapshot of results.json text already in memory (a run comparing itself with its baseline).</summary>
    public static RunSnapshot Parse(string name, ReadOnlyMemory<byte> utf8)
    {
        using var document = JsonDocument.Parse(utf8);
        return Snapshot(name, document.RootElement);
    }

    private static RunSnapshot Snapshot(string file, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || Text(root, "tool") != "callhooks")
            throw new ComparisonInputException($"{file}: not a callhooks results.json (field \"tool\" is not \"callhooks\")");
        if (
            root.TryGetProperty("format", out var format)
            && (format.ValueKind != JsonValueKind.Number || !format.TryGetInt32(out var number) || number > Format)
        )
            throw new ComparisonInputException(
                $"{file}: field \"format\" is {format.GetRawText()}: written by a newer callhooks; this one reads format {Format}"
            );
        if (!root.TryGetProperty("scenarios", out var scenarios) || scenarios.ValueKind != JsonValueKind.Array)
            throw new ComparisonInputException($"{file}: field \"scenarios\" is missing or not a list");

        var cells = new Dictionary<string, CellSnapshot>(StringComparer.Ordinal);
        var latencies = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var index = 0;
        foreach (var scenario in scenarios.EnumerateArray())
        {
            var at = $"scenarios[{index++}]";
            if (scenario.ValueKind != JsonValueKind.Object)
                throw new ComparisonInputException($"{file}: field \"{at}\" is not an object");
            var provider = Required(file, scenario, "provider", at);
            var id = Cell.Id(provider, Required(file, scenario, "name", at), Text(scenario, "configuration"));
            var broken =
                scenario.TryGetProperty("rules", out var rules) && rules.ValueKind == JsonValueKind.Array
                    ? rules
                        .EnumerateArray()
                        .Where(rule => Text(rule, "status") == "failed" && Text(rule, "id") is not null)
                        .Select(rule => Text(rule, "id")!)
                        .ToHashSet(StringComparer.Ordinal)
                    : [];
            var deliveriesPassed = true;
            if (scenario.TryGetProperty("deliveries", out var deliveries) && deliveries.ValueKind == JsonValueKind.Array)
                foreach (var delivery in deliveries.EnumerateArray().Where(delivery => delivery.ValueKind == JsonValueKind.Object))
                {
                    if (delivery.TryGetProperty("passed", out var passed) && passed.ValueKind == JsonValueKind.False)
                        deliveriesPassed = false;
                    if (
                        delivery.TryGetProperty("response", out var response)
                        && response.ValueKind == JsonValueKind.Object
                        && response.TryGetProperty("latencyMs", out var latency)
                        && latency.ValueKind == JsonValueKind.Number
                        && latency.TryGetDouble(out var milliseconds)
                    )
                    {
                        var key = provider + " event " + Text(delivery, "event");
                        if (!latencies.TryGetValue(key, out var list))
                            latencies[key] = list = [];
                        list.Add(milliseconds);
                    }
                }

            cells[id] = new CellSnapshot(Required(file, scenario, "status", at), broken, deliveriesPassed);
        }

        var providers = cells.Keys.Select(id => id.Split('/')[0]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new RunSnapshot(
            file,
            providers,
            cells,
            latencies.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<double>)pair.Value, StringComparer.Ordinal)
        );
    }

    private static string Required(string file, JsonElement element, string name, string at) =>
        Text(element, name) ?? throw new ComparisonInputException($"{file}: field \"{at}.{name}\" is missing or not text");

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
