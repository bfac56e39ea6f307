namespace CallHooks.Conformance.Providers.Acefone;

/// <param name="Id">The scenario event id (kebab-case).</param>
/// <param name="Meaning">The trigger as the provider's panel names it.</param>
internal sealed record AcefoneTrigger(string Id, string Meaning, CallPhase Phase, LegRole Leg);
