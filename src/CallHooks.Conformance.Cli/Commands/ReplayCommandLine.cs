using System.Globalization;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>
/// The command line that replays a run: the user's own arguments plus the seed and clock that were used,
/// with secret values masked (a replay needs the user to type them again, which is the point).
/// </summary>
internal static class ReplayCommandLine
{
    /// <summary>Options whose values are secrets: masked in the replay line and in parser errors.</summary>
    public static readonly IReadOnlySet<string> SecretOptions = new HashSet<string>(
        ["--header", "--basic", "--secret"],
        StringComparer.Ordinal
    );

    public static string From(IReadOnlyList<string> tokens, int seed, DateTimeOffset callStart)
    {
        var words = new List<string>();
        for (var index = 0; index < tokens.Count; index++)
        {
            var token = tokens[index];
            words.Add(token);
            if (index + 1 < tokens.Count && SecretOptions.Contains(token))
            {
                var secret = tokens[++index];
                words.Add(
                    token == "--secret"
                        ? Secrets.Redactor.Mask
                        : secret.Split(':')[0] + (token == "--basic" ? ":" : ": ") + Secrets.Redactor.Mask
                );
            }
            else if (index + 1 < tokens.Count && token == "--option")
            {
                words.Add(MaskOption(tokens[++index]));
            }
            else if (token.StartsWith("--option=", StringComparison.Ordinal) || token.StartsWith("--option:", StringComparison.Ordinal))
            {
                words[^1] = token[..9] + MaskOption(token[9..]);
            }
        }

        if (!tokens.Contains("--seed"))
            words.AddRange(["--seed", seed.ToString(CultureInfo.InvariantCulture)]);
        if (!tokens.Contains("--now"))
            words.AddRange(["--now", callStart.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)]);
        return "callhooks " + string.Join(' ', words.Select(Quote));
    }

    /// <summary>True for <c>--option</c> names a profile declares secret (myoperator-v2's <c>api-key</c>).</summary>
    public static bool IsSecretOption(string name) =>
        Providers.ProviderCatalog.All.Any(profile => profile.SecretOptions.Contains(name, StringComparer.Ordinal));

    private static string MaskOption(string option)
    {
        var equals = option.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && IsSecretOption(option[..equals]) ? option[..(equals + 1)] + Secrets.Redactor.Mask : option;
    }

    /// <summary>Single-quotes words a POSIX shell would split or expand.</summary>
    private static string Quote(string word) =>
        word.Length > 0
        && word.All(character => char.IsAsciiLetterOrDigit(character) || "-_./:=@,+%".Contains(character, StringComparison.Ordinal))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
