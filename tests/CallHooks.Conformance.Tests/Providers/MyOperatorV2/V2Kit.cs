using System.Text.Json;
using CallHooks.Conformance.Generation;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Providers.MyOperatorV2;
using CallHooks.Conformance.Scenarios;
using CallHooks.Conformance.Tests.Support;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Tests.Providers.MyOperatorV2;

/// <summary>Builds a shipped myoperator-v2 scenario's requests under the fixed seed and clock, as the runner does.</summary>
internal static class V2Kit
{
    public static readonly MyOperatorV2Profile Profile = new();

    public static Scenario Scenario(string name)
    {
        var (scenario, errors) = ScenarioLoader.LoadFile(Path.Combine(RepoPaths.Scenarios, "myoperator-v2", name + ".json"));
        Assert.That(errors, Is.Empty, () => string.Join("\n", errors));
        return scenario!;
    }

    public static IReadOnlyList<Scenario> All() =>
        ScenarioLibrary.LoadDirectory(Path.Combine(RepoPaths.Scenarios, "myoperator-v2")).Scenarios;

    public static WebhookConfig Config(Dictionary<string, string>? options = null) =>
        new() { Target = Fixtures.Target, Options = options ?? new Dictionary<string, string>(StringComparer.Ordinal) };

    public static IReadOnlyList<WebhookRequest> Requests(Scenario scenario, WebhookConfig? config = null)
    {
        var call = CallGenerator.Generate(scenario, Fixtures.Seed, Fixtures.Now);
        var requests = new List<WebhookRequest>();
        var eventTime = call.StartedAt;
        for (var index = 0; index < scenario.Steps.Count; index++)
        {
            eventTime += scenario.Steps[index].After;
            requests.Add(Profile.Build(new StepContext(call, scenario.Steps[index], index, eventTime), config ?? Config()));
        }

        return requests;
    }

    public static IReadOnlyList<JsonElement> Bodies(string scenario, WebhookConfig? config = null) =>
        Requests(Scenario(scenario), config).Select(request => JsonDocument.Parse(request.Body).RootElement.Clone()).ToList();

    public static DateTimeOffset Instant(JsonElement value) =>
        DateTimeOffset.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
}
