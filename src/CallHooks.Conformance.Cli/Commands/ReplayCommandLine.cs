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

    /// <summary>
    /// The command line that replays one <c>--matrix</c> configuration alone: the run's words without the sweep and
    /// what the configuration sets itself (its method, encoding, readings; credentials it switched off), then its own
    /// words, its provider and its seed.
    /// </summary>
    public static string ForConfiguration(
        IReadOnlyList<string> tokens,
        Running.Sweep.RunConfiguration configuration,
        DateTimeOffset callStart
    )
    {
        var dropped = new HashSet<string>(["--matrix-exclude", "--method", "--encoding", "--seed", "--provider"], StringComparer.Ordinal);
        var values = configuration.Values.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        if (values.GetValueOrDefault(Running.Sweep.SweepAxes.Auth) == "none")
            dropped.UnionWith(["--basic", "--header"]);
        if (values.GetValueOrDefault(Running.Sweep.SweepAxes.Signing) == "none")
            dropped.UnionWith(["--sign", "--secret", "--signature-time"]);
        var reading = values.GetValueOrDefault(Running.Sweep.SweepAxes.Readings);
        var words = new List<string>();
        for (var index = 0; index < tokens.Count; index++)
        {
            var token = tokens[index];
            if (token == "--matrix")
            {
                // Its value is optional: an axis list follows only when it does not look like an option.
                if (index + 1 < tokens.Count && !tokens[index + 1].StartsWith("--", StringComparison.Ordinal))
                    index++;
                continue;
            }

            var optionOfReading =
                token == "--option"
                && index + 1 < tokens.Count
                && reading?.Contains('=', StringComparison.Ordinal) == true
                && tokens[index + 1].StartsWith(reading[..(reading.IndexOf('=', StringComparison.Ordinal) + 1)], StringComparison.Ordinal);
            // Another provider's own URL (--target NAME=URL) would name a provider the replay does not play.
            var otherProvidersTarget =
                token == "--target"
                && index + 1 < tokens.Count
                && tokens[index + 1].IndexOf('=', StringComparison.Ordinal) is > 0 and var equals
                && Providers.ProviderCatalog.Find(tokens[index + 1][..equals]) is { } named
                && named.Name != configuration.Provider;
            if (dropped.Contains(token) || optionOfReading || otherProvidersTarget)
            {
                index++;
                continue;
            }

            words.Add(token);
        }

        words.AddRange(configuration.Options);
        words.AddRange(["--provider", configuration.Provider, "--seed", configuration.Seed.ToString(CultureInfo.InvariantCulture)]);
        return From(words, configuration.Seed, callStart);
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
