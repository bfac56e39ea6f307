using CallHooks.Conformance.Calls;

namespace CallHooks.Conformance.Providers.Acefone;

/// <summary>
/// The webhook triggers of Acefone's panel (its trigger webhook help page, docs/providers/acefone.md) plus Smartflo's "missed by customer".
/// A webhook is subscribed to one trigger; a scenario lists the triggers its listener would receive in call order.
/// </summary>
internal static class Triggers
{
    public static readonly IReadOnlyList<AcefoneTrigger> All =
    [
        new("call-received", "Call received on server", CallPhase.Received, LegRole.First),
        new("answered-on-ivr", "Call answered on IVR", CallPhase.Ivr, LegRole.First),
        new("dtmf", "DTMF option (the caller pressed an IVR option; $digits_dialed carries it)", CallPhase.Dtmf, LegRole.First),
        new("dialed-on-extensions", "Dialed on extensions", CallPhase.Dialing, LegRole.Agent),
        new("answered-on-ring-group", "Call answered on ring group", CallPhase.Answered, LegRole.Agent),
        new("answered-on-call-queue", "Call answered on call queue", CallPhase.Answered, LegRole.Agent),
        new("answered-by-extension", "Call answered by extension", CallPhase.Answered, LegRole.Agent),
        new("answered-by-customer", "Call answered by customer (Click to Call)", CallPhase.Answered, LegRole.Customer),
        new("missed-by-customer", "Call missed by customer (Click to Call; Smartflo)", CallPhase.Ended, LegRole.Customer),
        new("call-missed", "Call missed", CallPhase.Ended, LegRole.First),
        new("call-hangup", "Call hangup", CallPhase.Ended, LegRole.First),
        new("missed-or-answered", "Call missed or answered", CallPhase.Ended, LegRole.First),
    ];

    public static IReadOnlyList<ProviderEvent> Events { get; } =
        All.Select(trigger => new ProviderEvent(trigger.Id, trigger.Meaning)).ToList();

    public static AcefoneTrigger Find(string id) =>
        All.FirstOrDefault(trigger => trigger.Id == id) ?? throw new InvalidOperationException($"'{id}' is not an acefone trigger");

    /// <summary>
    /// Leg 0 is the leg the call started on. Inbound and dialer calls reach the customer first and the agent second;
    /// click to call rings the agent first and the customer second.
    /// </summary>
    public static int LegIndex(AcefoneTrigger trigger, CallType type) =>
        (trigger.Leg, type) switch
        {
            (LegRole.First, _) => 0,
            (LegRole.Agent, CallType.ClickToCall) => 0,
            (LegRole.Customer, CallType.ClickToCall) => 1,
            (LegRole.Customer, _) => 0,
            _ => 1,
        };
}
