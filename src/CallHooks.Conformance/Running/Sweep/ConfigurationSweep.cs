using CallHooks.Conformance.Generation;
using CallHooks.Conformance.Panels;
using CallHooks.Conformance.Providers;

namespace CallHooks.Conformance.Running.Sweep;

/// <summary>
/// Expands a run into the configurations <c>--matrix</c> plays, per provider: every method and encoding the profile
/// sends (an encoding only for POST), credentials off and as given, signing off and as given, each crossed with the
/// others; and each documented reading varied one at a time from the run's own (so a column says "users as
/// comma-separated"), at the run's method and encoding. Exclusions drop cells; what the profile cannot send is never one.
/// </summary>
internal static class ConfigurationSweep
{
    /// <param name="axes">The axes to sweep (a subset of <see cref="SweepAxes.All"/>).</param>
    /// <param name="exclusions">Each a set of axis=value pairs; a cell matching all pairs of one is dropped.</param>
    public static IReadOnlyList<RunConfiguration> Expand(
        IProviderProfile profile,
        WebhookConfig baseConfig,
        IReadOnlySet<string> axes,
        IReadOnlyList<IReadOnlyDictionary<string, string>> exclusions,
        int runSeed
    )
    {
        var cells = new List<(List<KeyValuePair<string, string>> Values, WebhookConfig Config, List<string> Options)>();
        foreach (var method in axes.Contains(SweepAxes.Method) ? profile.Methods : [baseConfig.Method ?? profile.DefaultMethod])
        {
            var encodings =
                method == "GET" ? [SweepAxes.NotApplicable]
                : axes.Contains(SweepAxes.Encoding) ? profile.Encodings
                : [baseConfig.Encoding ?? profile.DefaultEncoding];
            foreach (var encoding in encodings)
            foreach (var (auth, authConfig) in AuthChoices(baseConfig, axes))
            foreach (var (signing, signedConfig) in SigningChoices(authConfig, axes))
            {
                var values = new List<KeyValuePair<string, string>>();
                var options = new List<string>();
                if (axes.Contains(SweepAxes.Method))
                    Add(values, options, SweepAxes.Method, method, ["--method", method]);
                if (axes.Contains(SweepAxes.Encoding))
                    Add(values, options, SweepAxes.Encoding, encoding, encoding == SweepAxes.NotApplicable ? [] : ["--encoding", encoding]);
                if (axes.Contains(SweepAxes.Auth))
                    values.Add(new(SweepAxes.Auth, auth));
                if (axes.Contains(SweepAxes.Signing))
                    values.Add(new(SweepAxes.Signing, signing));
                if (axes.Contains(SweepAxes.Readings))
                    values.Add(new(SweepAxes.Readings, SweepAxes.BaseReadings));
                var config = signedConfig with { Method = method, Encoding = encoding == SweepAxes.NotApplicable ? null : encoding };
                cells.Add((values, config, options));
            }
        }

        if (axes.Contains(SweepAxes.Readings))
            cells.AddRange(ReadingCells(profile, baseConfig, axes));

        return cells
            .Where(cell => profile.Validate(cell.Config).Count == 0)
            .Where(cell => !exclusions.Any(excluded => excluded.All(pair => cell.Values.Contains(new(pair.Key, pair.Value)))))
            .Select(cell =>
            {
                var label = string.Join(" · ", cell.Values.Select(pair => pair.Key + "=" + pair.Value));
                return new RunConfiguration(
                    profile.Name,
                    cell.Values,
                    SeedMixer.Mix(runSeed, profile.Name, "configuration " + label),
                    PanelWebhook.CommandLine(profile.Name, cell.Config),
                    cell.Options
                );
            })
            .DistinctBy(cell => cell.Label)
            .ToList();
    }

    /// <summary>Each reading's alternatives other than the run's own value, one cell each, at the run's method and encoding.</summary>
    private static IEnumerable<(List<KeyValuePair<string, string>>, WebhookConfig, List<string>)> ReadingCells(
        IProviderProfile profile,
        WebhookConfig baseConfig,
        IReadOnlySet<string> axes
    )
    {
        var method = baseConfig.Method ?? profile.DefaultMethod;
        var encoding = method == "GET" ? SweepAxes.NotApplicable : baseConfig.Encoding ?? profile.DefaultEncoding;
        foreach (var reading in profile.Readings)
        foreach (var choice in reading.Choices.Where(choice => choice.Value != reading.Selected(baseConfig.Options)))
        {
            var values = new List<KeyValuePair<string, string>>();
            if (axes.Contains(SweepAxes.Method))
                values.Add(new(SweepAxes.Method, method));
            if (axes.Contains(SweepAxes.Encoding))
                values.Add(new(SweepAxes.Encoding, encoding));
            if (axes.Contains(SweepAxes.Auth))
                values.Add(new(SweepAxes.Auth, baseConfig.Basic is null && baseConfig.Headers.Count == 0 ? "none" : "as given"));
            if (axes.Contains(SweepAxes.Signing))
                values.Add(new(SweepAxes.Signing, baseConfig.Sign ?? "none"));
            values.Add(new(SweepAxes.Readings, reading.Id + "=" + choice.Value));
            var options = new Dictionary<string, string>(baseConfig.Options, StringComparer.Ordinal) { [reading.Id] = choice.Value };
            var config = baseConfig with
            {
                Method = method,
                Encoding = encoding == SweepAxes.NotApplicable ? null : encoding,
                Options = options,
            };
            var words = new List<string> { "--method", method };
            if (encoding != SweepAxes.NotApplicable)
                words.AddRange(["--encoding", encoding]);
            words.AddRange(["--option", reading.Id + "=" + choice.Value]);
            yield return (values, config, words);
        }
    }

    private static IEnumerable<(string, WebhookConfig)> AuthChoices(WebhookConfig config, IReadOnlySet<string> axes)
    {
        var given = config.Basic is not null || config.Headers.Count > 0;
        if (!axes.Contains(SweepAxes.Auth) || !given)
        {
            yield return (given ? "as given" : "none", config);
            yield break;
        }

        yield return ("none", config with { Basic = null, Headers = [] });
        yield return ("as given", config);
    }

    private static IEnumerable<(string, WebhookConfig)> SigningChoices(WebhookConfig config, IReadOnlySet<string> axes)
    {
        if (!axes.Contains(SweepAxes.Signing) || config.Sign is null)
        {
            yield return (config.Sign ?? "none", config);
            yield break;
        }

        yield return ("none", config with { Sign = null, Secret = null });
        yield return (config.Sign, config);
    }

    private static void Add(List<KeyValuePair<string, string>> values, List<string> options, string axis, string value, string[] words)
    {
        values.Add(new(axis, value));
        options.AddRange(words);
    }
}
