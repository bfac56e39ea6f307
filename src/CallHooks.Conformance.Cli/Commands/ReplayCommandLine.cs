using System.Globalization;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>
/// The command line that replays a run: the user's own arguments plus the seed and clock that were used,
/// with secret values masked (a replay needs the user to type them again, which is the point).
/// </summary>
internal static class ReplayCommandLine
{
    public static string From(IReadOnlyList<string> tokens, int seed, DateTimeOffset callStart)
    {
        var words = new List<string>();
        for (var index = 0; index < tokens.Count; index++)
        {
            var token = tokens[index];
            words.Add(token);
            if (index + 1 < tokens.Count && token is "--basic" or "--header" or "--secret")
            {
                var secret = tokens[++index];
                words.Add(token == "--secret" ? Wire.Redactor.Mask : secret.Split(':')[0] + (token == "--basic" ? ":" : ": ") + Wire.Redactor.Mask);
            }
        }

        if (!tokens.Contains("--seed"))
            words.AddRange(["--seed", seed.ToString(CultureInfo.InvariantCulture)]);
        if (!tokens.Contains("--now"))
            words.AddRange(["--now", callStart.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)]);
        return "callhooks " + string.Join(' ', words.Select(Quote));
    }

    /// <summary>Single-quotes words a POSIX shell would split or expand.</summary>
    private static string Quote(string word) =>
        word.Length > 0 && word.All(character => char.IsAsciiLetterOrDigit(character) || "-_./:=@,+%".Contains(character, StringComparison.Ordinal))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
