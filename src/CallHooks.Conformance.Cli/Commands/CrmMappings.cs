using System.Reflection;
using System.Text.Json;
using CallHooks.Conformance.Input;
using CallHooks.Conformance.Scenarios.Schema;
using WireMock.Admin.Mappings;
using OrgMapping = WireMock.Org.Abstractions.Mapping;
using OrgRequest = WireMock.Org.Abstractions.MappingsRequest;
using OrgResponse = WireMock.Org.Abstractions.MappingsResponse;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>Which of the two WireMock mapping dialects a mapping is written in.</summary>
internal enum MappingDialect
{
    /// <summary>WireMock.Net's own: <c>Request.Path</c>, <c>Methods</c>, <c>Response.StatusCode</c>, <c>Delay</c>, <c>Fault</c>.</summary>
    WireMockNet,

    /// <summary>WireMock's (Java): <c>request.method</c>, <c>url</c>/<c>urlPath</c>, <c>response.status</c>, <c>jsonBody</c>.</summary>
    WireMockJava,
}

/// <summary>One WireMock mapping for the mock CRM, as JSON, with the file it came from and its dialect.</summary>
internal sealed record CrmMapping(string File, string Json, MappingDialect Dialect);

/// <summary>
/// Reads <c>--downstream-mappings</c>: a WireMock JSON mapping file, or a folder of them (every <c>*.json</c>, in name
/// order). A file holds one mapping, an array of them, or an export (<c>{"mappings": [...]}</c>). Both dialects are read:
/// WireMock.Net's own, and WireMock (Java)'s, which WireMock.Net imports. Field names are checked against WireMock.Net's
/// own models, because WireMock.Net ignores a name it does not know (a Java <c>"status"</c> in a .NET mapping answers
/// 200): every problem is reported with file:line:column before anything is sent.
/// </summary>
internal static class CrmMappings
{
    private static readonly string[] RequiredParts = ["request", "response"];

    /// <summary>Java fields WireMock.Net's import leaves out: a mapping relying on one would answer other than written.</summary>
    private static readonly Dictionary<string, string> JavaNotImported = new(StringComparer.Ordinal)
    {
        ["/priority"] = "\"Priority\"",
        ["/scenarioName"] = "\"Scenario\"",
        ["/requiredScenarioState"] = "\"WhenStateIs\"",
        ["/newScenarioState"] = "\"SetStateTo\"",
        ["/response/fixedDelayMilliseconds"] = "\"Response\": {\"Delay\": milliseconds}",
        ["/response/delayDistribution"] = "\"Response\": {\"Delay\": milliseconds}",
        ["/response/fault"] = "\"Response\": {\"Fault\": {\"Type\": \"EMPTY_RESPONSE\"}}",
    };

    public static IReadOnlyList<CrmMapping> Load(string path)
    {
        try
        {
            return LoadFiles(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--downstream-mappings {path}: cannot read it: {e.Message}");
        }
    }

    private static IReadOnlyList<CrmMapping> LoadFiles(string path)
    {
        var files =
            Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.json").Order(StringComparer.Ordinal).ToList()
            : File.Exists(path) ? [path]
            : throw new UsageException($"--downstream-mappings {path}: no such file or folder");
        if (files.Count == 0)
            throw new UsageException($"--downstream-mappings {path}: the folder holds no *.json mapping files");
        var mappings = new List<CrmMapping>();
        var problems = new List<string>();
        foreach (var file in files)
            ReadFile(file, mappings, problems);
        if (problems.Count == 0 && mappings.Count == 0)
            problems.Add($"--downstream-mappings {path}: holds no mapping; leave the option out for a CRM that answers 200 to everything");
        return problems.Count > 0 ? throw new UsageException(problems) : mappings;
    }

    private static void ReadFile(string file, List<CrmMapping> mappings, List<string> problems)
    {
        var utf8 = File.ReadAllBytes(file);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException e)
        {
            problems.Add(CheckedJson.SyntaxError(file, e, "invalid JSON (a WireMock mapping file is JSON)").ToString());
            return;
        }

        using (document)
        {
            var located = new Located(file, JsonPositionMap.Build(utf8), problems);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
                ReadList(root, "", located, mappings);
            else if (root.ValueKind == JsonValueKind.Object && Find(root, "mappings") is { } exported)
            {
                if (exported.Value.ValueKind == JsonValueKind.Array)
                    ReadList(exported.Value, "/" + exported.Name, located, mappings);
                else
                    located.Add("/" + exported.Name, "\"mappings\" must be an array of WireMock mappings");
            }
            else
                Read(root, "", located, mappings);
        }
    }

    private static void ReadList(JsonElement list, string pointer, Located located, List<CrmMapping> mappings)
    {
        for (var index = 0; index < list.GetArrayLength(); index++)
            Read(list[index], $"{pointer}/{index}", located, mappings);
    }

    private static void Read(JsonElement mapping, string pointer, Located located, List<CrmMapping> mappings)
    {
        if (mapping.ValueKind != JsonValueKind.Object)
        {
            located.Add(pointer, "a WireMock mapping is an object with \"request\" and \"response\"");
            return;
        }

        var parts = RequiredParts.Select(part => (Name: part, Found: Find(mapping, part))).ToList();
        if (
            parts.Where(part => part.Found is not { Value.ValueKind: JsonValueKind.Object }).Select(part => part.Name).ToList() is
            { Count: > 0 } missing
        )
        {
            located.Add(pointer, $"the mapping has no \"{string.Join("\" or \"", missing)}\" object (WireMock needs both)");
            return;
        }

        var request = parts[0].Found!.Value;
        var response = parts[1].Found!.Value;
        var dialect = DialectOf(request.Value, response.Value);
        var before = located.Count;
        if (dialect == MappingDialect.WireMockNet)
        {
            located.Unknown(mapping, pointer, typeof(MappingModel));
            located.Unknown(request.Value, $"{pointer}/{request.Name}", typeof(RequestModel));
            located.Unknown(response.Value, $"{pointer}/{response.Name}", typeof(ResponseModel));
        }
        else
        {
            located.Unknown(mapping, pointer, typeof(OrgMapping));
            located.Unknown(request.Value, $"{pointer}/{request.Name}", typeof(OrgRequest));
            located.Unknown(response.Value, $"{pointer}/{response.Name}", typeof(OrgResponse));
            NotImported(mapping, pointer, located);
            JavaMatchers(request.Value, $"{pointer}/{request.Name}", located);
        }

        if (located.Count == before)
            mappings.Add(new CrmMapping(located.File, mapping.GetRawText(), dialect));
    }

    /// <summary>Java's own words give it away: a <c>status</c>, a <c>jsonBody</c>, a singular <c>method</c>, a <c>url</c>.</summary>
    private static MappingDialect DialectOf(JsonElement request, JsonElement response)
    {
        string[] javaRequest = ["method", "url", "urlPath", "urlPattern", "urlPathPattern", "bodyPatterns", "queryParameters"];
        string[] javaResponse = ["status", "jsonBody", "base64Body", "bodyFileName", "fixedDelayMilliseconds", "fault"];
        var java =
            request.EnumerateObject().Any(field => javaRequest.Contains(field.Name, StringComparer.Ordinal))
            || response.EnumerateObject().Any(field => javaResponse.Contains(field.Name, StringComparer.Ordinal));
        return java ? MappingDialect.WireMockJava : MappingDialect.WireMockNet;
    }

    private static void NotImported(JsonElement mapping, string pointer, Located located)
    {
        foreach (var (field, instead) in JavaNotImported)
        {
            var path = field.Split('/', StringSplitOptions.RemoveEmptyEntries);
            JsonElement? value = mapping;
            foreach (var step in path)
                value = value is { ValueKind: JsonValueKind.Object } parent && parent.TryGetProperty(step, out var next) ? next : null;
            if (value is not null)
                located.AddAtName(
                    pointer + field,
                    $"WireMock.Net's import of WireMock (Java) mappings does not apply \"{path[^1]}\"; write this mapping in WireMock.Net's dialect ({instead})"
                );
        }
    }

    /// <summary>
    /// The matchers WireMock.Net's import of Java mappings applies as written: <c>equalTo</c> and <c>matches</c> for headers,
    /// query parameters and cookies, and one body pattern (those two or <c>equalToJson</c>). It reads <c>contains</c> as an
    /// exact match and drops every other operator and option, which would widen or narrow what the mapping answers.
    /// </summary>
    private static void JavaMatchers(JsonElement request, string pointer, Located located)
    {
        foreach (var part in new[] { "headers", "queryParameters", "cookies" })
            if (request.TryGetProperty(part, out var matchers) && matchers.ValueKind == JsonValueKind.Object)
                foreach (var matcher in matchers.EnumerateObject())
                    Operator(matcher.Value, $"{pointer}/{part}/{matcher.Name}", located, ["equalTo", "matches"]);
        if (!request.TryGetProperty("bodyPatterns", out var patterns) || patterns.ValueKind != JsonValueKind.Array)
            return;
        if (patterns.GetArrayLength() > 1)
            located.AddAtName(
                $"{pointer}/bodyPatterns",
                "WireMock.Net's import of WireMock (Java) mappings applies only the first body pattern; keep one, or write the mapping in WireMock.Net's dialect"
            );
        else if (patterns.GetArrayLength() == 1)
            Operator(patterns[0], $"{pointer}/bodyPatterns/0", located, ["equalTo", "matches", "equalToJson"]);
    }

    private static void Operator(JsonElement matcher, string pointer, Located located, string[] applied)
    {
        if (matcher.ValueKind != JsonValueKind.Object)
            return;
        var fields = matcher.EnumerateObject().ToList();
        if (fields.Count == 0)
            return;
        var name = fields[0].Name;
        var why =
            name == "contains" ? "reads \"contains\" as an exact match; write \"matches\": \".*VALUE.*\" instead"
            : !applied.Contains(name, StringComparer.Ordinal) ? $"does not apply \"{name}\" (only {string.Join(", ", applied)})"
            : fields.Count > 1 ? $"applies \"{name}\" without \"{fields[1].Name}\""
            : null;
        if (why is not null)
            located.AddAtName(
                $"{pointer}/{(name == "contains" || fields.Count == 1 || !applied.Contains(name, StringComparer.Ordinal) ? name : fields[1].Name)}",
                $"WireMock.Net's import of WireMock (Java) mappings {why}"
            );
    }

    private static (string Name, JsonElement Value)? Find(JsonElement parent, string name) =>
        parent.EnumerateObject().FirstOrDefault(field => field.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            is { Value.ValueKind: not JsonValueKind.Undefined } found
            ? (found.Name, found.Value)
            : null;

    /// <summary>Problems of one file, each placed at its line and column.</summary>
    private sealed class Located(string file, JsonPositionMap positions, List<string> problems)
    {
        public string File => file;

        public int Count => problems.Count;

        public void Add(string pointer, string message)
        {
            var (line, column) = positions.Locate(pointer);
            problems.Add(new LocatedError(file, line, column, message + CheckedJson.At(pointer)).ToString());
        }

        /// <summary>A problem with a field itself: placed at its name, not its value.</summary>
        public void AddAtName(string pointer, string message)
        {
            var (line, column) = positions.LocateProperty(pointer);
            problems.Add(new LocatedError(file, line, column, message + CheckedJson.At(pointer)).ToString());
        }

        /// <summary>A field the model has no property for: WireMock would ignore it without a word.</summary>
        public void Unknown(JsonElement value, string pointer, Type model)
        {
            var known = model.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(property => property.Name).ToList();
            foreach (var field in value.EnumerateObject())
                if (!known.Contains(field.Name, StringComparer.OrdinalIgnoreCase))
                    AddAtName(
                        $"{pointer}/{field.Name}",
                        $"\"{field.Name}\" is not a field of {Describe(model)}, which WireMock.Net would ignore; it knows {string.Join(", ", known.Select(name => char.ToLowerInvariant(name[0]) + name[1..]))}"
                    );
        }

        private static string Describe(Type model) =>
            model.Namespace == typeof(OrgMapping).Namespace ? $"a WireMock (Java) {model.Name}" : $"WireMock.Net's {model.Name}";
    }
}
