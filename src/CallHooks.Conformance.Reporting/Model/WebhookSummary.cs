using CallHooks.Conformance.Panels;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Reporting.Model;

/// <summary>
/// One panel webhook's results, as every report groups them: what it is (provider, URL, how it sends, the events it
/// receives), what it was sent and how that went, and the rules broken on its deliveries. Worked out once here so
/// results.json, report.html and report.md say the same.
/// </summary>
internal sealed record WebhookSummary(
    string Name,
    string Provider,
    string Url,
    string Method,
    string Encoding,
    string Events,
    bool Enabled,
    int Deliveries,
    int DeliveriesFailed,
    int RulesBroken,
    int RulesWarned
)
{
    /// <summary>"passed", "failed", or "not sent" (nothing of the run was for it): never a pass for a webhook that received nothing.</summary>
    public string Status =>
        Deliveries == 0 ? "not sent"
        : DeliveriesFailed > 0 || RulesBroken > 0 ? "failed"
        : "passed";

    /// <summary>Null when the run had no panel file.</summary>
    public static IReadOnlyList<WebhookSummary>? Of(RunResult result) => result.Webhooks?.Select(webhook => Of(webhook, result)).ToList();

    private static WebhookSummary Of(PanelWebhook webhook, RunResult result)
    {
        var deliveries = result.Scenarios.SelectMany(scenario => scenario.Deliveries).Where(d => d.Webhook == webhook.Name).ToList();
        var rules = result.Scenarios.SelectMany(scenario => scenario.Rules).Where(rule => rule.Webhook == webhook.Name).ToList();
        var profile = Providers.ProviderCatalog.Find(webhook.Provider);
        var shape = profile is null ? null : Providers.WireShape.Of(profile, webhook.Config);
        return new WebhookSummary(
            webhook.Name ?? "",
            webhook.Provider,
            webhook.Config.Target.AbsoluteUri,
            shape?.MethodName ?? webhook.Config.Method ?? "",
            shape?.EncodingName ?? webhook.Config.Encoding ?? "",
            webhook.Events is null ? "all" : string.Join(", ", webhook.Events),
            webhook.Enabled,
            deliveries.Count,
            deliveries.Count(delivery => !delivery.Passed),
            rules.Count(rule => rule.FailsRun),
            rules.Count(rule => rule.Applicable && !rule.Passed && !rule.FailsRun)
        );
    }
}
