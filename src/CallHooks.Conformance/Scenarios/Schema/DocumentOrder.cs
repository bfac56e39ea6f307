using System.Globalization;
using System.Text.Json;

namespace CallHooks.Conformance.Scenarios.Schema;

/// <summary>
/// Sorts issues into the order their values appear in the document. Keywords are checked
/// schema-first (a $ref and a sibling "properties" each walk the same children), so the raw
/// order can jump back and forth; users read errors top to bottom.
/// </summary>
internal static class DocumentOrder
{
    public static IReadOnlyList<ValidationIssue> Sort(JsonElement root, IEnumerable<ValidationIssue> issues)
    {
        var keys = new Dictionary<string, int[]>(StringComparer.Ordinal);
        // OrderBy is stable, so issues on the same value keep the order they were found in.
        return issues.OrderBy(issue => KeyOf(root, issue.Pointer, keys), KeyComparer.Instance).ToList();
    }

    /// <summary>Position of each step among its siblings; a parent's key is a prefix of its children's.</summary>
    private static int[] KeyOf(JsonElement root, string pointer, Dictionary<string, int[]> cache)
    {
        if (cache.TryGetValue(pointer, out var cached))
        {
            return cached;
        }

        var key = new List<int>();
        var current = root;
        foreach (var token in JsonPointer.Split(pointer))
        {
            var index = IndexOfChild(current, token, out current);
            key.Add(index);
            if (index == int.MaxValue)
            {
                break;
            }
        }

        return cache[pointer] = key.ToArray();
    }

    private static int IndexOfChild(JsonElement parent, string token, out JsonElement child)
    {
        child = default;
        if (parent.ValueKind == JsonValueKind.Object)
        {
            var i = 0;
            foreach (var property in parent.EnumerateObject())
            {
                if (property.NameEquals(token))
                {
                    child = property.Value;
                    return i;
                }

                i++;
            }
        }
        else if (
            parent.ValueKind == JsonValueKind.Array
            && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index < parent.GetArrayLength()
        )
        {
            child = parent[index];
            return index;
        }

        // Not in the document: sort after everything that is.
        return int.MaxValue;
    }

    private sealed class KeyComparer : IComparer<int[]>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare(int[]? x, int[]? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
            {
                var c = x[i].CompareTo(y[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            // A value comes before anything inside it.
            return x.Length.CompareTo(y.Length);
        }
    }
}
