using System.Text.Json;
using System.Text.RegularExpressions;

namespace CallHooks.Conformance.Scenarios.Schema;

/// <summary>
/// One compiled (sub)schema. Every supported keyword has a slot; a null slot means the keyword was
/// absent. Nodes are built by <see cref="SchemaParser"/> and never change after parsing.
/// </summary>
internal sealed class SchemaNode
{
    /// <summary>Where this node sits in the schema document, as a "#/..." fragment, for error messages.</summary>
    public required string Location { get; init; }

    /// <summary>Set for boolean schemas: true accepts everything, false rejects everything.</summary>
    public bool? Always { get; init; }

    public IReadOnlyList<string>? Types { get; set; }

    public IReadOnlyDictionary<string, SchemaNode>? Properties { get; set; }

    public IReadOnlyList<string>? Required { get; set; }

    public SchemaNode? AdditionalProperties { get; set; }

    public IReadOnlyList<JsonElement>? Enum { get; set; }

    public JsonElement? Const { get; set; }

    public string? PatternText { get; set; }

    public Regex? Pattern { get; set; }

    public int? MinLength { get; set; }

    public int? MaxLength { get; set; }

    public JsonElement? Minimum { get; set; }

    public JsonElement? Maximum { get; set; }

    public int? MinItems { get; set; }

    public int? MaxItems { get; set; }

    public SchemaNode? Items { get; set; }

    /// <summary>The "$ref" text as written; <see cref="Ref"/> is filled in once all $defs are known.</summary>
    public string? RefText { get; set; }

    public SchemaNode? Ref { get; set; }

    public IReadOnlyList<SchemaNode>? OneOf { get; set; }

    public IReadOnlyList<SchemaNode>? AnyOf { get; set; }
}
