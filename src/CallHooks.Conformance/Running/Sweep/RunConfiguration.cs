using CallHooks.Conformance.Panels;

namespace CallHooks.Conformance.Running.Sweep;

/// <summary>
/// One configuration of a <c>--matrix</c> sweep: a provider's webhook as one tenant could set it up (a method, an
/// encoding, credentials on or off, one reading), its values on the swept axes, and the seed its calls are generated
/// from, so the cell replays alone.
/// </summary>
/// <param name="Values">Axis to value, in axis order: <c>method=GET</c>, <c>encoding=json</c>, <c>reading=users=comma</c>.</param>
/// <param name="Options">The command-line words that select this configuration (<c>--method GET --option users=comma</c>), for its replay line.</param>
internal sealed record RunConfiguration(
    string Provider,
    IReadOnlyList<KeyValuePair<string, string>> Values,
    int Seed,
    PanelWebhook Webhook,
    IReadOnlyList<string> Options
)
{
    /// <summary>"method=GET · encoding=-": how reports and the console name the configuration.</summary>
    public string Label => string.Join(" · ", Values.Select(pair => pair.Key + "=" + pair.Value));
}
