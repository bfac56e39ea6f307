namespace CallHooks.Conformance.Providers;

/// <summary>
/// Which custom headers a webhook may be configured with, for the command line's <c>--header</c> and a panel file's
/// <c>headers</c> alike: a name of RFC 9110 token characters that the transport does not set itself, and a value that
/// can travel as ASCII on one line.
/// </summary>
internal static class HeaderRules
{
    /// <summary>RFC 9110 token characters: what a header name may contain.</summary>
    public static bool IsToken(string text) =>
        text.Length > 0
        && text.All(character => char.IsAsciiLetterOrDigit(character) || "!#$%&'*+-.^_`|~".Contains(character, StringComparison.Ordinal));

    /// <summary>Why the name cannot be configured, or null: "'X Y' is not a valid header name (...)".</summary>
    public static string? NameProblem(string name) =>
        IsToken(name) ? null : $"'{name}' is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)";

    /// <summary>Why the header cannot be sent, or null: "Host: set by the transport ...". The value itself is never quoted: it is a secret.</summary>
    public static string? Problem(string name, string value)
    {
        if (
            name.Equals("Host", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
        )
            return $"{name}: set by the transport from the request itself; it cannot be configured";
        if (value.Any(character => character is '\r' or '\n' or '\0'))
            return $"{name}: the value contains a line break or NUL";
        if (!System.Text.Ascii.IsValid(value))
            return $"{name}: the value is not ASCII; HTTP header values are sent as ASCII";
        return null;
    }
}
