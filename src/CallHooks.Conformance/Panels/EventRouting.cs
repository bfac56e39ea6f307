namespace CallHooks.Conformance.Panels;

/// <summary>Which webhooks of a provider's panel an event goes to, and the sentence for an event that goes to none.</summary>
internal static class EventRouting
{
    /// <summary>Every enabled webhook subscribed to <paramref name="eventId"/>, in panel order: the provider sends to each.</summary>
    public static IReadOnlyList<PanelWebhook> Receivers(IReadOnlyList<PanelWebhook> webhooks, string eventId) =>
        webhooks.Where(webhook => webhook.Receives(eventId)).ToList();

    /// <summary>Why an event is not sent at all: no webhook is subscribed to it, or the ones that are are disabled.</summary>
    public static string NotRouted(IReadOnlyList<PanelWebhook> webhooks, string eventId)
    {
        var disabled = webhooks.Where(webhook => !webhook.Enabled && (webhook.Events is null || webhook.Events.Contains(eventId))).ToList();
        return disabled.Count > 0
            ? $"skipped by configuration: the webhook(s) subscribed to {eventId} are disabled ({string.Join(", ", disabled)})"
            : $"skipped by configuration: no webhook in the panel is subscribed to {eventId}";
    }
}
