using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CallHooks.Conformance.Calls;
using CallHooks.Conformance.Expectations;
using CallHooks.Conformance.Input;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Scenarios.Schema;

namespace CallHooks.Conformance.Scenarios;

/// <summary>
/// Turns a schema-valid scenario document into a <see cref="Scenario"/>, checking what a schema cannot:
/// that the provider has each event, and that durations and patterns mean something.
/// </summary>
internal sealed class ScenarioReader
{
    private readonly string path;
    private readonly JsonPositionMap positions;
    private readonly List<LocatedError> errors = [];

    private ScenarioReader(string path, JsonPositionMap positions)
    {
        this.path = path;
        this.positions = positions;
    }

    public static (Scenario? Scenario, IReadOnlyList<LocatedError> Errors) Read(string path, JsonElement root, JsonPositionMap positions)
    {
        var reader = new ScenarioReader(path, positions);
        var scenario = reader.ReadScenario(root);
        return reader.errors.Count == 0 ? (scenario, []) : (null, reader.errors);
    }

    private Scenario ReadScenario(JsonElement root)
    {
        var providerName = root.GetProperty("provider").GetString()!;
        var profile = ProviderCatalog.Find(providerName);
        if (profile is null)
            Error("/provider", $"unknown provider '{providerName}'; known: {string.Join(", ", ProviderCatalog.All.Select(p => p.Name))}");

        var call = root.GetProperty("call");
        var events = root.GetProperty("events");
        var steps = events.EnumerateArray().Select((step, index) => ReadStep(step, $"/events/{index}", profile)).ToList();
        return new Scenario
        {
            Name = root.GetProperty("name").GetString()!,
            Provider = providerName,
            Description = root.TryGetProperty("description", out var description) ? description.GetString()! : "",
            CallType = CallTypeNames.Types[call.GetProperty("type").GetString()!],
            Outcome = CallTypeNames.Outcomes[call.GetProperty("outcome").GetString()!],
            Agents = call.TryGetProperty("agents", out var agents) ? agents.GetInt32() : 1,
            BusyAgents = ReadBusyAgents(call, profile),
            Steps = steps,
            Expect = root.TryGetProperty("expect", out var expect) ? ReadExpect(expect, "/expect") : ExpectationSpec.Empty,
            Downstream = root.TryGetProperty("downstream", out var downstream)
                ? Duration(downstream.GetProperty("within"), "/downstream/within")
                : null,
            RecordFields =
                root.TryGetProperty("record", out var record) && record.TryGetProperty("fields", out var recordFields)
                    ? ReadFields(recordFields, "/record/fields")
                    : [],
            CrmRequests =
                root.TryGetProperty("downstream", out var crm) && crm.TryGetProperty("requests", out var requests)
                    ? requests
                        .EnumerateArray()
                        .Select((request, index) => ReadCrmRequest(request, $"/downstream/requests/{index}"))
                        .ToList()
                    : [],
            SourcePath = path,
        };
    }

    /// <summary>Agents found busy before the others; refused where the profile would drop them from its bytes silently.</summary>
    private int ReadBusyAgents(JsonElement call, IProviderProfile? profile)
    {
        if (!call.TryGetProperty("busyAgents", out var busy))
            return 0;
        var count = busy.GetInt32();
        if (count > 0 && profile is { RendersBusyAgents: false })
            Error(
                "/call/busyAgents",
                $"{profile.Name} does not put busy agents on the wire (its payload has no per-agent legs); use it with {string.Join(", ", ProviderCatalog.All.Where(p => p.RendersBusyAgents).Select(p => p.Name))}"
            );
        return count;
    }

    private ScenarioStep ReadStep(JsonElement step, string pointer, IProviderProfile? profile)
    {
        var id = step.GetProperty("event").GetString()!;
        if (profile is not null && profile.Events.All(known => known.Id != id))
            Error(
                pointer + "/event",
                $"'{id}' is not a {profile.Name} event; it has: {string.Join(", ", profile.Events.Select(e => $"{e.Id} ({e.Meaning})"))}"
            );

        var set = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (step.TryGetProperty("set", out var fields))
        {
            foreach (var field in fields.EnumerateObject())
                set[field.Name] = JsonNode.Parse(field.Value.GetRawText());
        }

        return new ScenarioStep
        {
            Event = id,
            After = step.TryGetProperty("after", out var after) ? Duration(after, pointer + "/after") : TimeSpan.Zero,
            Set = set,
            Unset = step.TryGetProperty("unset", out var unset) ? unset.EnumerateArray().Select(name => name.GetString()!).ToList() : [],
            Expect = step.TryGetProperty("expect", out var expect) ? ReadExpect(expect, pointer + "/expect") : ExpectationSpec.Empty,
        };
    }

    private CrmRequestExpectation ReadCrmRequest(JsonElement request, string pointer)
    {
        var fields = request.TryGetProperty("fields", out var wanted) ? ReadFields(wanted, pointer + "/fields") : [];
        return new CrmRequestExpectation(
            request.TryGetProperty("method", out var method) ? method.GetString() : null,
            request.TryGetProperty("path", out var requestPath) ? requestPath.GetString() : null,
            request.TryGetProperty("count", out var count) ? count.GetInt32() : null,
            fields
        );
    }

    /// <summary>JSON paths to templates written against the call; a bad path or an unknown placeholder is an error at its key.</summary>
    private List<(Rules.Records.JsonPathLite, string, string)> ReadFields(JsonElement wanted, string pointer)
    {
        var fields = new List<(Rules.Records.JsonPathLite, string, string)>();
        foreach (var field in wanted.EnumerateObject())
        {
            var at = Schema.JsonPointer.Append(pointer, field.Name);
            var (jsonPath, problem) = Rules.Records.JsonPathLite.Parse(field.Name);
            var template = field.Value.GetString()!;
            if (problem is not null)
                Error(at, $"'{field.Name}': {problem}");
            else if (CallPlaceholders.Problem(template) is { } unknown)
                Error(at, unknown);
            else
                fields.Add((jsonPath!, field.Name, template));
        }

        return fields;
    }

    private ExpectationSpec ReadExpect(JsonElement expect, string pointer)
    {
        StatusExpectation? status = null;
        if (expect.TryGetProperty("status", out var statusElement))
        {
            var terms =
                statusElement.ValueKind == JsonValueKind.Array
                    ? statusElement.EnumerateArray().Select(term => term.GetString()!).ToList()
                    : [statusElement.GetString()!];
            status = StatusExpectation.Of(terms);
        }

        string? pattern = null;
        if (expect.TryGetProperty("bodyMatches", out var matches))
        {
            pattern = matches.GetString()!;
            try
            {
                _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException exception)
            {
                Error(pointer + "/bodyMatches", "not a valid regular expression: " + exception.Message);
            }
        }

        return new ExpectationSpec
        {
            Status = status,
            Within = expect.TryGetProperty("within", out var within) ? Duration(within, pointer + "/within") : null,
            BodyContains = expect.TryGetProperty("bodyContains", out var contains) ? contains.GetString() : null,
            BodyMatches = pattern,
        };
    }

    private TimeSpan Duration(JsonElement element, string pointer)
    {
        if (DurationText.TryParse(element.GetString(), out var value, out var problem))
            return value;
        Error(pointer, problem);
        return TimeSpan.Zero;
    }

    private void Error(string pointer, string message)
    {
        var (line, column) = positions.Locate(pointer);
        errors.Add(new LocatedError(path, line, column, $"{message} (at {pointer})"));
    }
}
