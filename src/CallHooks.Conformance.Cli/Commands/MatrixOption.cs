using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Running.Sweep;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>
/// <c>--matrix [AXES]</c> and <c>--matrix-exclude</c>: which axes a sweep varies, checked against what the run's
/// providers can vary, so an axis with nothing to sweep is an error that says why rather than a one-column report.
/// </summary>
internal static class MatrixOption
{
    /// <summary>The axes swept when <c>--matrix</c> names none: the configuration a tenant picks in the panel. Readings are asked for by name.</summary>
    public static readonly IReadOnlyList<string> DefaultAxes = [SweepAxes.Method, SweepAxes.Encoding, SweepAxes.Auth, SweepAxes.Signing];

    /// <summary>The axes to sweep, or null without <c>--matrix</c>.</summary>
    /// <param name="embedded">True when the embedded listener is the target: it demands exactly the run's credentials, so
    /// switching them off is refused by design and says nothing about a listener; the auth and signing axes need --target.</param>
    public static IReadOnlySet<string>? Axes(
        bool given,
        string? text,
        IReadOnlyList<IProviderProfile> providers,
        WebhookConfig config,
        bool embedded,
        List<string> problems
    )
    {
        if (!given)
            return null;
        var named = text is null
            ? DefaultAxes.ToList()
            : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var axes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var axis in named)
        {
            if (!SweepAxes.All.Contains(axis))
                problems.Add($"--matrix {axis}: unknown axis; axes: {string.Join(", ", SweepAxes.All)}");
            else
                axes.Add(axis);
        }

        // An axis named explicitly must have something to sweep; the default axes are simply skipped where they have not.
        foreach (var axis in text is null ? [] : axes.ToList())
        {
            if (Nothing(axis, providers, config) is { } why)
                problems.Add($"--matrix {axis}: {why}; nothing to sweep");
        }

        foreach (var axis in new[] { SweepAxes.Auth, SweepAxes.Signing }.Where(axis => text is not null && axes.Contains(axis) && embedded))
            problems.Add(
                $"--matrix {axis}: the embedded listener demands the credentials the run gives, so switching them off only shows its refusal; sweep {axis} against your listener (--target)"
            );
        if (text is null && embedded)
            axes.ExceptWith([SweepAxes.Auth, SweepAxes.Signing]);
        if (config.Method is not null && axes.Contains(SweepAxes.Method))
            problems.Add("--matrix method sweeps every method; drop --method (or leave method out of --matrix)");
        if (config.Encoding is not null && axes.Contains(SweepAxes.Encoding))
            problems.Add("--matrix encoding sweeps every encoding; drop --encoding (or leave encoding out of --matrix)");
        if (text is null)
            axes.RemoveWhere(axis => Nothing(axis, providers, config) is not null);
        return axes;
    }

    /// <summary>"method=GET,encoding=json" as pairs; each axis must be one the sweep knows.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Exclusions(string[] texts, List<string> problems)
    {
        var exclusions = new List<IReadOnlyDictionary<string, string>>();
        foreach (var text in texts)
        {
            var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var axis = equals > 0 ? pair[..equals] : pair;
                if (equals <= 0 || equals == pair.Length - 1)
                    problems.Add($"--matrix-exclude '{pair}': expected axis=value, e.g. method=GET");
                else if (!SweepAxes.All.Contains(axis))
                    problems.Add($"--matrix-exclude {axis}: unknown axis; axes: {string.Join(", ", SweepAxes.All)}");
                else
                    pairs[axis] = pair[(equals + 1)..];
            }

            if (pairs.Count > 0)
                exclusions.Add(pairs);
        }

        return exclusions;
    }

    /// <summary>Why no provider of the run has more than one value on <paramref name="axis"/>; null when one has.</summary>
    private static string? Nothing(string axis, IReadOnlyList<IProviderProfile> providers, WebhookConfig config) =>
        axis switch
        {
            SweepAxes.Method when providers.All(p => p.Methods.Count < 2) => string.Join(
                "; ",
                providers.Select(p => $"{p.Name} sends only {p.DefaultMethod}")
            ),
            SweepAxes.Encoding when providers.All(p => p.Encodings.Count < 2 || !p.Methods.Contains("POST")) => string.Join(
                "; ",
                providers.Select(p => $"{p.Name} sends only {string.Join(" or ", p.Encodings)}")
            ),
            SweepAxes.Auth when config.Basic is null && config.Headers.Count == 0 => "no --basic or --header given to switch off",
            SweepAxes.Signing when config.Sign is null => "no --sign given to switch off",
            SweepAxes.Readings when providers.All(p => p.Readings.Count == 0) => string.Join(", ", providers.Select(p => p.Name))
                + " document no readings",
            _ => null,
        };
}
