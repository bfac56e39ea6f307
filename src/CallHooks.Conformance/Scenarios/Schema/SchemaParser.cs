using System.Text.Json;

namespace CallHooks.Conformance.Scenarios.Schema;

/// <summary>
/// Compiles a schema document into <see cref="SchemaNode"/>s. Any keyword outside the supported
/// subset is an error: a keyword we silently skipped would be a rule that silently never runs.
/// </summary>
internal sealed class SchemaParser
{
    private const string DefsRefPrefix = "#/$defs/";

    /// <summary>Keywords that only annotate; they change no outcome, so skipping them is correct.</summary>
    private static readonly IReadOnlySet<string> Annotations = new HashSet<string>(StringComparer.Ordinal)
    {
        "$schema",
        "title",
        "description",
        "examples",
        "default",
        "$comment",
    };

    private readonly Dictionary<string, SchemaNode> _defs = new(StringComparer.Ordinal);
    private readonly List<SchemaNode> _nodes = [];

    public static SchemaNode Parse(JsonElement root)
    {
        var parser = new SchemaParser();
        var node = parser.ParseNode(root, "", isRoot: true);
        parser.ResolveRefs();
        parser.RejectRefLoops();
        return node;
    }

    private SchemaNode ParseNode(JsonElement schema, string location, bool isRoot = false)
    {
        if (schema.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return Track(new SchemaNode { Location = JsonPointer.ToFragment(location), Always = schema.GetBoolean() });
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw Error(location, $"a schema must be an object or a boolean, got {JsonTypes.NameOf(schema)}");
        }

        var node = Track(new SchemaNode { Location = JsonPointer.ToFragment(location) });

        // $defs first, so that a node's own keywords can be parsed in any order.
        if (schema.TryGetProperty("$defs", out var defs))
        {
            if (!isRoot)
            {
                throw Error(location, "keyword '$defs' is only supported at the schema root (refs are resolved against '#/$defs/...')");
            }

            ParseDefs(defs, JsonPointer.Append(location, "$defs"));
        }

        foreach (var keyword in schema.EnumerateObject())
        {
            var at = JsonPointer.Append(location, keyword.Name);
            var value = keyword.Value;
            switch (keyword.Name)
            {
                case "$defs":
                    break;
                case "$id" when isRoot:
                    // The root $id only names the document; refs here are all local ("#/...").
                    break;
                case "$id":
                    throw Error(at, "keyword '$id' is only supported at the schema root: a nested $id would change what '#' refers to");
                case var name when Annotations.Contains(name):
                    break;
                case "type":
                    node.Types = ParseTypes(value, at);
                    break;
                case "properties":
                    node.Properties = ParseProperties(value, at);
                    break;
                case "required":
                    node.Required = ParseRequired(value, at);
                    break;
                case "additionalProperties":
                    node.AdditionalProperties = ParseNode(value, at);
                    break;
                case "enum":
                    node.Enum =
                        value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0
                            ? value.EnumerateArray().Select(e => e.Clone()).ToArray()
                            : throw Error(at, "'enum' must be a non-empty array");
                    break;
                case "const":
                    node.Const = value.Clone();
                    break;
                case "pattern":
                    (node.PatternText, node.Pattern) = ParsePattern(value, at);
                    break;
                case "minLength":
                    node.MinLength = Count(value, at, keyword.Name);
                    break;
                case "maxLength":
                    node.MaxLength = Count(value, at, keyword.Name);
                    break;
                case "minItems":
                    node.MinItems = Count(value, at, keyword.Name);
                    break;
                case "maxItems":
                    node.MaxItems = Count(value, at, keyword.Name);
                    break;
                case "minimum":
                    node.Minimum = Number(value, at, keyword.Name);
                    break;
                case "maximum":
                    node.Maximum = Number(value, at, keyword.Name);
                    break;
                case "items":
                    node.Items =
                        value.ValueKind == JsonValueKind.Array
                            ? throw Error(
                                at,
                                "'items' must be a single schema; the array form (draft 2019-09 and earlier, now 'prefixItems') is not supported"
                            )
                            : ParseNode(value, at);
                    break;
                case "$ref":
                    node.RefText = value.ValueKind == JsonValueKind.String ? value.GetString() : throw Error(at, "'$ref' must be a string");
                    break;
                case "oneOf":
                    node.OneOf = ParseBranches(value, at, keyword.Name);
                    break;
                case "anyOf":
                    node.AnyOf = ParseBranches(value, at, keyword.Name);
                    break;
                default:
                    throw Error(at, $"unsupported keyword '{keyword.Name}'");
            }
        }

        return node;
    }

    private void ParseDefs(JsonElement defs, string location)
    {
        if (defs.ValueKind != JsonValueKind.Object)
        {
            throw Error(location, "'$defs' must be an object");
        }

        foreach (var def in defs.EnumerateObject())
        {
            _defs[def.Name] = ParseNode(def.Value, JsonPointer.Append(location, def.Name));
        }
    }

    private static string[] ParseTypes(JsonElement value, string at)
    {
        var names = value.ValueKind switch
        {
            JsonValueKind.String => [value.GetString()!],
            JsonValueKind.Array when value.GetArrayLength() > 0 && value.EnumerateArray().All(t => t.ValueKind == JsonValueKind.String) =>
                value.EnumerateArray().Select(t => t.GetString()!).ToArray(),
            _ => throw Error(at, "'type' must be a type name or a non-empty array of type names"),
        };

        var unknown = names.FirstOrDefault(n => !JsonTypes.Names.Contains(n));
        if (unknown is not null)
        {
            throw Error(at, $"unknown type '{unknown}'; expected one of: {string.Join(", ", JsonTypes.Names)}");
        }

        return names.Distinct(StringComparer.Ordinal).ToArray();
    }

    private Dictionary<string, SchemaNode> ParseProperties(JsonElement value, string at)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Error(at, "'properties' must be an object");
        }

        var properties = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            properties[property.Name] = ParseNode(property.Value, JsonPointer.Append(at, property.Name));
        }

        return properties;
    }

    private static string[] ParseRequired(JsonElement value, string at)
    {
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(r => r.ValueKind != JsonValueKind.String))
        {
            throw Error(at, "'required' must be an array of property names");
        }

        return value.EnumerateArray().Select(r => r.GetString()!).Distinct(StringComparer.Ordinal).ToArray();
    }

    private static (string, System.Text.RegularExpressions.Regex) ParsePattern(JsonElement value, string at)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw Error(at, "'pattern' must be a string");
        }

        var text = value.GetString()!;
        try
        {
            return (text, SchemaPattern.Get(text));
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{JsonPointer.ToFragment(at)}: 'pattern' is not a valid regular expression: {e.Message}", e);
        }
    }

    private List<SchemaNode> ParseBranches(JsonElement value, string at, string keyword)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            throw Error(at, $"'{keyword}' must be a non-empty array of schemas");
        }

        return value.EnumerateArray().Select((branch, i) => ParseNode(branch, JsonPointer.Append(at, i))).ToList();
    }

    private static int Count(JsonElement value, string at, string keyword) =>
        JsonTypes.AsCount(value) ?? throw Error(at, $"'{keyword}' must be a non-negative integer");

    private static JsonElement Number(JsonElement value, string at, string keyword) =>
        value.ValueKind == JsonValueKind.Number ? value.Clone() : throw Error(at, $"'{keyword}' must be a number");

    private SchemaNode Track(SchemaNode node)
    {
        _nodes.Add(node);
        return node;
    }

    private void ResolveRefs()
    {
        foreach (var node in _nodes.Where(n => n.RefText is not null))
        {
            var text = node.RefText!;
            if (!text.StartsWith(DefsRefPrefix, StringComparison.Ordinal) || text.IndexOf('/', DefsRefPrefix.Length) >= 0)
            {
                throw new ArgumentException(
                    $"{node.Location}/$ref: only local refs of the form '#/$defs/<name>' are supported, got '{text}'"
                );
            }

            // A ref is a URI fragment holding a JSON pointer: undo percent-encoding, then pointer escapes.
            var name = JsonPointer.Unescape(Uri.UnescapeDataString(text[DefsRefPrefix.Length..]));
            node.Ref = _defs.TryGetValue(name, out var target)
                ? target
                : throw new ArgumentException($"{node.Location}/$ref: '{text}' does not exist in '$defs'");
        }
    }

    /// <summary>
    /// A $ref, oneOf or anyOf that comes back to its own node without moving into a child value
    /// would make validation recurse forever; better to refuse the schema up front.
    /// </summary>
    private void RejectRefLoops()
    {
        var done = new HashSet<SchemaNode>();
        var onPath = new HashSet<SchemaNode>();
        foreach (var node in _nodes)
        {
            Visit(node);
        }

        void Visit(SchemaNode node)
        {
            if (done.Contains(node))
            {
                return;
            }

            if (!onPath.Add(node))
            {
                throw new ArgumentException(
                    $"{node.Location}: '$ref' loop: the schema refers back to itself without descending into a property or item"
                );
            }

            foreach (var next in SameValueChildren(node))
            {
                Visit(next);
            }

            onPath.Remove(node);
            done.Add(node);
        }
    }

    /// <summary>Subschemas applied to the same instance value as their parent.</summary>
    private static IEnumerable<SchemaNode> SameValueChildren(SchemaNode node)
    {
        if (node.Ref is not null)
        {
            yield return node.Ref;
        }

        foreach (var branch in (node.OneOf ?? []).Concat(node.AnyOf ?? []))
        {
            yield return branch;
        }
    }

    private static ArgumentException Error(string location, string message) => new($"{JsonPointer.ToFragment(location)}: {message}");
}
