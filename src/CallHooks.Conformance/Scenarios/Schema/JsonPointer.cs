using System.Globalization;

namespace CallHooks.Conformance.Scenarios.Schema;

/// <summary>
/// Builds and splits RFC 6901 pointers. The validator and the position map both go through here so
/// the pointer a violation carries is byte-for-byte the key the map stored.
/// </summary>
internal static class JsonPointer
{
    public static string Append(string pointer, string propertyName) => pointer + "/" + Escape(propertyName);

    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Order matters: '~' first, or the '~' introduced for '/' would be escaped again.</summary>
    public static string Escape(string segment) =>
        segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>Order matters: '~1' first, so "~01" becomes "~1" and not "/".</summary>
    public static string Unescape(string segment) =>
        segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    /// <summary>Unescaped reference tokens; the root pointer "" has none.</summary>
    public static IReadOnlyList<string> Split(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }

        if (pointer[0] != '/')
        {
            throw new ArgumentException($"'{pointer}' is not a JSON pointer: it must be empty or start with '/'", nameof(pointer));
        }

        return pointer[1..].Split('/').Select(Unescape).ToArray();
    }

    /// <summary>The pointer one level up, or null for the root.</summary>
    public static string? Parent(string pointer)
    {
        if (pointer.Length == 0)
        {
            return null;
        }

        var slash = pointer.LastIndexOf('/');
        return slash < 0 ? "" : pointer[..slash];
    }

    /// <summary>For messages that show where in the schema a problem is, in the usual "#/..." fragment form.</summary>
    public static string ToFragment(string pointer) => "#" + pointer;
}
