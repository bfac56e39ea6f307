using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace CallHooks.Conformance.Scenarios.Schema;

/// <summary>
/// Compiles "pattern" values. JSON Schema patterns are ECMA-262 regexes; .NET's ECMAScript option
/// gets the character classes right (\d is [0-9], not every Unicode digit) but still lets '$'
/// match before a final "\n", so '$' is rewritten to '\z' to keep "name\n" from passing ^...$.
/// </summary>
internal static class SchemaPattern
{
    /// <summary>Scenario files are hand-written, but a pathological pattern must not hang a run.</summary>
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    // Shared across schemas: the same schema is parsed once per run, but tests and tools parse it often.
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    /// <summary>Throws <see cref="ArgumentException"/> when .NET cannot compile the pattern.</summary>
    public static Regex Get(string pattern) => Cache.GetOrAdd(pattern, Compile);

    private static Regex Compile(string pattern) =>
        new(AnchorEndStrictly(pattern), RegexOptions.ECMAScript | RegexOptions.CultureInvariant, MatchTimeout);

    /// <summary>Replaces each unescaped '$' outside a character class with '\z'.</summary>
    internal static string AnchorEndStrictly(string pattern)
    {
        var builder = new StringBuilder(pattern.Length + 4);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                builder.Append(c).Append(pattern[++i]);
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                builder.Append(c);
            }
            else if (c == '[')
            {
                inClass = true;
                builder.Append(c);
                // .NET (unlike ECMA-262) reads a ']' right after '[' or '[^' as a member, not the end.
                if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                {
                    builder.Append(pattern[++i]);
                }

                if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                {
                    builder.Append(pattern[++i]);
                }
            }
            else
            {
                builder.Append(c == '$' ? @"\z" : c.ToString());
            }
        }

        return builder.ToString();
    }
}
