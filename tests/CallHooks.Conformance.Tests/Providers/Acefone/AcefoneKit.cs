using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Web;
using CallHooks.Conformance.Calls;
using CallHooks.Conformance.Generation;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Providers.Acefone;
using CallHooks.Conformance.Scenarios;
using CallHooks.Conformance.Tests.Support;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Tests.Providers.Acefone;

/// <summary>
/// Builds the requests of shipped acefone scenarios under the fixed seed and clock, and reads them back the way a
/// listener would (JsonDocument, HttpUtility), never through the profile's own types.
/// </summary>
internal static class AcefoneKit
{
    public static readonly AcefoneProfile Profile = new();

    public static Scenario Scenario(string name)
    {
        var (scenario, errors) = ScenarioLoader.LoadFile(Path.Combine(RepoPaths.Scenarios, "acefone", name + ".json"));
        Assert.That(errors, Is.Empty, () => string.Join("\n", errors));
        return scenario!;
    }

    public static WebhookConfig Config(
        string method = "POST",
        string? encoding = "json",
        string? template = null,
        IReadOnlyDictionary<string, string>? options = null
    ) =>
        new()
        {
            Target = Fixtures.Target,
            Method = method,
            Encoding = encoding,
            Template = template,
            Headers = [new HeaderSpec("x-acefone-token", "t0ken")],
            Options = options ?? new Dictionary<string, string>(),
        };

    public static Call Call(string scenario) => CallGenerator.Generate(Scenario(scenario), Fixtures.Seed, Fixtures.Now);

    /// <summary>Every request of the scenario, in order; <paramref name="change"/> may edit a step before it is built.</summary>
    public static List<WebhookRequest> Requests(string scenarioName, WebhookConfig config, Func<ScenarioStep, ScenarioStep>? change = null)
    {
        var scenario = Scenario(scenarioName);
        var call = CallGenerator.Generate(scenario, Fixtures.Seed, Fixtures.Now);
        return scenario
            .Steps.Select(
                (step, index) => Profile.Build(new StepContext(call, change?.Invoke(step) ?? step, index, call.StartedAt), config)
            )
            .ToList();
    }

    /// <summary>The JSON bodies of a scenario under the default JSON template, parsed.</summary>
    public static List<JsonElement> JsonBodies(string scenarioName, IReadOnlyDictionary<string, string>? options = null) =>
        Requests(scenarioName, Config(options: options)).Select(Json).ToList();

    public static JsonElement Json(WebhookRequest request)
    {
        using var document = JsonDocument.Parse(request.Body);
        return document.RootElement.Clone();
    }

    public static string Body(WebhookRequest request) => Encoding.UTF8.GetString(request.Body.Span);

    public static System.Collections.Specialized.NameValueCollection Form(WebhookRequest request) =>
        HttpUtility.ParseQueryString(Body(request));

    public static string Text(JsonElement body, string key) => body.GetProperty(key).GetString()!;

    public static ScenarioStep With(ScenarioStep step, string name, JsonNode? value) =>
        step with
        {
            Set = new Dictionary<string, JsonNode?>(step.Set) { [name] = value },
        };
}
