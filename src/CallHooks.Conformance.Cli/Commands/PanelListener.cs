using CallHooks.Conformance.Listener;
using CallHooks.Conformance.Panels;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>
/// The reference listener as a CRM serving a panel: one route per webhook path, each receiving its webhook's events and
/// demanding its credentials. Used by the embedded listener of a run and by <c>callhooks serve --panel</c>.
/// </summary>
internal static class PanelListener
{
    /// <summary>
    /// The routes of the panel's enabled webhooks (a disabled one receives nothing, so it has none): those given as paths,
    /// and with <paramref name="absoluteToo"/> (<c>serve --panel</c>, the listener the absolute URLs point at) the paths
    /// of absolute URLs as well.
    /// </summary>
    public static IReadOnlyList<ListenerRoute> Routes(IReadOnlyList<PanelWebhook> panel, bool absoluteToo = false) =>
        panel
            .Where(webhook => (webhook.Path is not null || absoluteToo) && webhook.Enabled)
            .Select(webhook => new ListenerRoute
            {
                Path = webhook.Path is null
                    ? webhook.Config.Target.AbsolutePath
                    : new Uri(new Uri("http://127.0.0.1/"), webhook.Path).AbsolutePath,
                Provider = webhook.Provider,
                Events = webhook.Events,
                RequiredHeaderName = webhook.Config.Headers.Count > 0 ? webhook.Config.Headers[0].Name : null,
                RequiredHeaderValue = webhook.Config.Headers.Count > 0 ? webhook.Config.Headers[0].Value : null,
                BasicUser = webhook.Config.Basic?.User,
                BasicPassword = webhook.Config.Basic?.Password,
                Secret = webhook.Config.Sign is null ? null : webhook.Config.Secret,
            })
            .ToList();

    /// <summary>
    /// The provider options the readers check (the <c>users</c> reading): the listener's readers are shared by every route,
    /// so they take the first webhook's; a panel whose webhooks read differently is served as its first webhook reads.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Options(IReadOnlyList<PanelWebhook> panel) => panel[0].Config.Options;

    /// <summary>The secret a reader verifies its provider's own signature with (Twilio's auth token): the first such webhook's.</summary>
    public static string? ProviderSecret(IReadOnlyList<PanelWebhook> panel) =>
        panel.FirstOrDefault(webhook => webhook.Config.Secret is not null && webhook.Config.Sign is null)?.Config.Secret;
}
