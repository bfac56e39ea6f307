using System.Text.Json;

namespace CallHooks.Conformance.Scenarios.Schema;

/// <summary>
/// Where each value (and each property name) of a JSON document sits in its text, so that a
/// violation's pointer can be shown as <c>file:line:column</c>.
/// </summary>
internal sealed class JsonPositionMap
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    // Byte offsets, turned into line and column only when asked: a column counts characters from the line's start, and
    // doing that for every token made a one-line file of thousands of values quadratic.
    private readonly Dictionary<string, int> _values;
    private readonly Dictionary<string, int> _propertyNames;
    private readonly LineIndex _lines;

    private JsonPositionMap(Dictionary<string, int> values, Dictionary<string, int> propertyNames, LineIndex lines)
    {
        _values = values;
        _propertyNames = propertyNames;
        _lines = lines;
    }

    /// <summary>
    /// Reads strict JSON (no trailing commas; comments only with <paramref name="allowComments"/>), the same dialect the
    /// loaders accept, so a document that maps is a document that loads. Throws <see cref="JsonException"/>
    /// for text that is not JSON. A leading UTF-8 byte order mark is skipped.
    /// </summary>
    public static JsonPositionMap Build(ReadOnlySpan<byte> utf8Json, bool allowComments = false)
    {
        // Editors do not count a BOM as a column, so positions are taken after it.
        var start = utf8Json.StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
        var text = utf8Json[start..];
        var lines = new LineIndex(text);

        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        var propertyNames = new Dictionary<string, int>(StringComparer.Ordinal);

        // One frame per open container: its pointer, and for arrays the index of the next element.
        var containers = new Stack<Frame>();
        string? pendingProperty = null;

        var reader = new Utf8JsonReader(
            text,
            new JsonReaderOptions
            {
                CommentHandling = allowComments ? JsonCommentHandling.Skip : JsonCommentHandling.Disallow,
                AllowTrailingCommas = false,
            }
        );

        while (reader.Read())
        {
            var position = checked((int)reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingProperty = JsonPointer.Append(containers.Peek().Pointer, reader.GetString()!);
                    // With duplicate names the first occurrence wins: it is the one a reader meets first.
                    propertyNames.TryAdd(pendingProperty, position);
                    break;

                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    containers.Pop();
                    break;

                default:
                    var pointer = NextValuePointer(containers, ref pendingProperty);
                    values.TryAdd(pointer, position);
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        containers.Push(new Frame(pointer));
                    }

                    break;
            }
        }

        return new JsonPositionMap(values, propertyNames, lines);
    }

    /// <summary>
    /// 1-based line and column of the value at <paramref name="pointer"/>. A pointer that does not
    /// exist (e.g. a property that is required but missing) maps to its nearest existing ancestor.
    /// </summary>
    public (int Line, int Column) Locate(string pointer)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        if (pointer.Length > 0 && pointer[0] != '/')
        {
            throw new ArgumentException($"'{pointer}' is not a JSON pointer: it must be empty or start with '/'", nameof(pointer));
        }

        for (string? current = pointer; current is not null; current = JsonPointer.Parent(current))
        {
            if (_values.TryGetValue(current, out var offset))
            {
                return _lines.Locate(offset);
            }
        }

        // Unreachable for a map built from a document: the root value always exists.
        return (1, 1);
    }

    /// <summary>
    /// Position of the property name token for <paramref name="pointer"/>, which is where an editor
    /// should put the cursor for "unknown property". Falls back to <see cref="Locate"/> for array
    /// elements, the root, and pointers that do not exist.
    /// </summary>
    public (int Line, int Column) LocateProperty(string pointer)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        return _propertyNames.TryGetValue(pointer, out var offset) ? _lines.Locate(offset) : Locate(pointer);
    }

    private static string NextValuePointer(Stack<Frame> containers, ref string? pendingProperty)
    {
        if (containers.Count == 0)
        {
            return "";
        }

        if (pendingProperty is not null)
        {
            var pointer = pendingProperty;
            pendingProperty = null;
            return pointer;
        }

        var array = containers.Peek();
        return JsonPointer.Append(array.Pointer, array.NextIndex++);
    }

    private sealed class Frame(string pointer)
    {
        public string Pointer { get; } = pointer;

        public int NextIndex { get; set; }
    }
}
