using CallHooks.Conformance.Generation;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Scenarios;

namespace CallHooks.Conformance.Recordings;

/// <summary>
/// One request a profile generates for a step of one of its shipped scenarios, read as a <see cref="PayloadView"/>:
/// what a recorded request is compared with. <see cref="Stable"/> names the fields whose value two calls of different
/// seeds and start times agree on (the event's own values, such as MyOperator's <c>call_state</c>): those tell events apart and need no
/// <c>set</c> in an imported scenario; every other field is generated data.
/// </summary>
internal sealed record ProfileSample(
    IProviderProfile Profile,
    Scenario Scenario,
    ScenarioStep Step,
    Wire.WebhookRequest Request,
    PayloadView View,
    IReadOnlySet<string> Stable,
    string? CallIdField
)
{
    private static readonly DateTimeOffset CallStart = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);

    /// <summary>Every sample of every profile, from the scenarios in <paramref name="scenarios"/> (the shipped suite).</summary>
    public static IReadOnlyList<ProfileSample> From(IReadOnlyList<Scenario> scenarios) =>
        [.. scenarios.SelectMany(scenario => ProviderCatalog.Find(scenario.Provider) is { } profile ? Of(profile, scenario) : [])];

    private static IEnumerable<ProfileSample> Of(IProviderProfile profile, Scenario scenario)
    {
        var config = new WebhookConfig { Target = new Uri("http://127.0.0.1/") };
        // Another seed and another start: what both share is the event's own (a state, a status), not data or a clock.
        var first = Generate(profile, scenario, config, seed: 1, CallStart);
        var second = Generate(profile, scenario, config, seed: 2, CallStart.AddDays(40).AddSeconds(7));
        foreach (var (one, two) in first.Zip(second))
        {
            var stable = one
                .View.Fields.Select(field => field.Key)
                .Where(key => one.View.Text(key) == two.View.Text(key))
                .ToHashSet(StringComparer.Ordinal);
            var callIdField = one
                .View.Fields.Select(field => field.Key)
                .FirstOrDefault(key => one.View.Text(key) == one.CallId && !stable.Contains(key));
            yield return new ProfileSample(profile, scenario, one.Step, one.Request, one.View, stable, callIdField);
        }
    }

    private static List<(ScenarioStep Step, Wire.WebhookRequest Request, PayloadView View, string CallId)> Generate(
        IProviderProfile profile,
        Scenario scenario,
        WebhookConfig config,
        int seed,
        DateTimeOffset start
    )
    {
        var call = CallGenerator.Generate(scenario, seed, start);
        var callId = profile.CallId(call, config);
        return
        [
            .. ProviderRequests
                .Sent(profile, scenario, config, call)
                .Select(sent => (sent.Step, sent.Request, PayloadView.Of(sent.Request), callId)),
        ];
    }
}
