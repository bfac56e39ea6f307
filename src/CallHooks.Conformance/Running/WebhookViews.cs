using CallHooks.Conformance.Panels;
using CallHooks.Conformance.Results;
using CallHooks.Conformance.Scenarios;

namespace CallHooks.Conformance.Running;

/// <summary>
/// A scenario's result as each webhook of its panel saw it: that webhook's deliveries, and every other step as not sent
/// to it. Rules judge one webhook at a time, with its own configuration, because that is what one listener route sees:
/// an After-Call route is never asked to answer In-Call states.
/// </summary>
internal static class WebhookViews
{
    /// <summary>One view per webhook that received something; the command line's one webhook sees the whole result.</summary>
    public static IReadOnlyList<(PanelWebhook Webhook, ScenarioResult View)> Of(
        Scenario scenario,
        ScenarioResult result,
        IReadOnlyList<PanelWebhook> webhooks
    )
    {
        if (webhooks is [{ Name: null } only])
            return [(only, result)];
        var views = new List<(PanelWebhook, ScenarioResult)>();
        foreach (var webhook in webhooks)
        {
            var deliveries = result.Deliveries.Where(delivery => delivery.Webhook == webhook.Name).ToList();
            if (deliveries.Count == 0)
                continue;
            var sent = deliveries.Select(delivery => delivery.Index).ToHashSet();
            var skipped = Enumerable
                .Range(0, scenario.Steps.Count)
                .Where(index => !sent.Contains(index))
                .Select(index =>
                    result.Skipped.FirstOrDefault(step => step.Index == index && (step.Webhook is null || step.Webhook == webhook.Name))
                    ?? new SkippedStep(
                        index,
                        scenario.Steps[index].Event,
                        $"not sent to webhook {webhook.Name}: it is not subscribed to it"
                    )
                    {
                        Webhook = webhook.Name,
                    }
                )
                .ToList();
            views.Add((webhook, result with { Deliveries = deliveries, Skipped = skipped, Rules = [] }));
        }

        return views;
    }
}
