using System.Text.Json;

namespace CallHooks.Conformance.Scenarios.Schema;

/// <summary>
/// Keys given twice in one object. JSON readers keep one of the two silently (System.Text.Json the last, others the
/// first), so a duplicated <c>expect</c> would drop half of what the author wrote: every duplicate is refused instead.
/// </summary>
internal static class DuplicateKeys
{
    /// <summary>Each duplicate, as the offset of its second occurrence and the offset of the first.</summary>
    public static IReadOnlyList<(string Name, int Offset, int FirstOffset)> Find(ReadOnlySpan<byte> utf8Json, bool allowComments = false)
    {
        var found = new List<(string, int, int)>();
        var objects = new Stack<Dictionary<string, int>?>();
        var reader = new Utf8JsonReader(
            utf8Json,
            new JsonReaderOptions
            {
                MaxDepth = 64,
                CommentHandling = allowComments ? JsonCommentHandling.Skip : JsonCommentHandling.Disallow,
            }
        );
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    objects.Push(new Dictionary<string, int>(StringComparer.Ordinal));
                    break;
                case JsonTokenType.StartArray:
                    objects.Push(null);
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    objects.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    var name = reader.GetString()!;
                    var offset = checked((int)reader.TokenStartIndex);
                    if (!objects.Peek()!.TryAdd(name, offset))
                        found.Add((name, offset, objects.Peek()![name]));
                    break;
            }
        }

        return found;
    }
}
