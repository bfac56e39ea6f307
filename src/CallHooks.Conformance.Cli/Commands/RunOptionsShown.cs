using System.Globalization;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>The run's options as every report shows them (results.json <c>options</c>, the page's facts): secrets masked.</summary>
internal static class RunOptionsShown
{
    public static Dictionary<string, string> Of(RunSettings settings, Providers.WebhookConfig config)
    {
        var profile = Providers.ProviderCatalog.Find(settings.Scenarios.Count > 0 ? settings.Scenarios[0].Provider : "");
        var shown = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["method"] = profile is null ? config.Method ?? "" : Providers.WireShape.Of(profile, config).MethodName,
            ["encoding"] = profile is null ? config.Encoding ?? "" : Providers.WireShape.Of(profile, config).EncodingName,
            ["auth"] = settings.Basic is null ? "none" : "basic",
            ["signing"] = SigningNotice.Shown(
                settings.Scenarios.Select(scenario => scenario.Provider).Distinct().ToList(),
                settings,
                config
            ),
            ["headers"] = string.Join(", ", settings.Headers.Select(header => header.Name)),
            ["query"] = string.Join("&", settings.Query.Select(mapping => mapping.Name + "=" + mapping.Field)),
            ["timeout"] = settings.Timeout is { } timeout ? Scenarios.DurationText.Format(timeout) : "profile budget",
            ["late-window"] = settings.LateWindow is { } window
                ? Scenarios.DurationText.Format(window)
                : "as long again as the timeout, until 60s at most",
            ["parallel"] = settings.Parallelism.ToString(CultureInfo.InvariantCulture),
            ["suite"] = string.Join(
                ",",
                settings.Rules.Suites.Select(suite => suite.ToString().ToLowerInvariant()).Order(StringComparer.Ordinal)
            ),
        };
        if (settings.PanelPath is not null)
        {
            // Each webhook of a panel has its own method, encoding and credentials (results.json webhooks[]): no run-wide one.
            foreach (var perWebhook in new[] { "method", "encoding", "auth", "signing", "headers", "query" })
                shown.Remove(perWebhook);
            shown["panel"] = settings.PanelPath;
        }

        foreach (var (name, value) in settings.ProfileOptions)
            shown["option." + name] = ReplayCommandLine.IsSecretOption(name) ? Secrets.Redactor.Mask : value;
        return shown;
    }
}
