namespace CallHooks.Conformance.Cli.Commands;

/// <summary>RFC 9110 token characters: what a header name may contain.</summary>
internal static class HttpToken
{
    public static bool IsValid(string text) =>
        text.Length > 0
        && text.All(character => char.IsAsciiLetterOrDigit(character) || "!#$%&'*+-.^_`|~".Contains(character, StringComparison.Ordinal));
}
