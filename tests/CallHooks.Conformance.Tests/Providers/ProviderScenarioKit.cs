using System.Text.Json.Nodes;
using CallHooks.Conformance.Calls;
using CallHooks.Conformance.Generation;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Scenarios;
using CallHooks.Conformance.Tests.Support;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Tests.Providers;

/// <summary>Loads a shipped scenario of any provider and builds its requests under the fixed seed and clock.</summary>
internal static class ProviderScenarioKit
{
    public static Scenario Scenario(string folder, string name)
    {
        var (scenario, errors) = ScenarioLoader.LoadFile(Path.Combine(RepoPaths.Scenarios, folder, name + ".json"));
        Assert.That(errors, Is.Empty, () => string.Join("\n", errors));
        return scenario!;
    }

    public static Call Call(Scenario scenario) => CallGenerator.Generate(scenario, Fixtures.Seed, Fixtures.Now);

    public static WebhookConfig Config(string method = "POST", string? encoding = null, params (string Name, string Value)[] options) =>
        new()
        {
            Target = Fixtures.Target,
            Method = method,
            Encoding = encoding,
            Options = options.ToDictionary(option => option.Name, option => option.Value, StringComparer.Ordinal),
        };

    /// <summary>Every step's request, in order, as the runner would build them (skipped steps included).</summary>
    public static IReadOnlyList<WebhookRequest> BuildAll(IProviderProfile profile, Scenario scenario, WebhookConfig config)
    {
        var call = Call(scenario);
        return scenario.Steps.Select((step, index) => profile.Build(new StepContext(call, step, index, call.StartedAt), config)).ToList();
    }

    public static StepContext Context(Scenario scenario, string eventId, JsonObject? set = null)
    {
        var step = new ScenarioStep
        {
            Event = eventId,
            Set = set?.ToDictionary(pair => pair.Key, pair => pair.Value?.DeepClone()) ?? new Dictionary<string, JsonNode?>(),
        };
        var call = Call(scenario);
        return new StepContext(call, step, 0, call.StartedAt);
    }
}
