using CallHooks.Conformance.Input;

namespace CallHooks.Conformance.Panels;

/// <summary>What reading a panel file gave: its webhooks, or the errors that stop the run; and warnings either way.</summary>
/// <param name="Webhooks">Null when there is any error.</param>
/// <param name="Warnings">Things the run proceeds with but the user should fix, e.g. a literal secret in a committed file.</param>
internal sealed record PanelLoad(
    IReadOnlyList<PanelWebhook>? Webhooks,
    IReadOnlyList<LocatedError> Errors,
    IReadOnlyList<LocatedError> Warnings
)
{
    public static PanelLoad Failed(LocatedError error) => new(null, [error], []);
}
