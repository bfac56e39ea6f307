using System.Text;
using CallHooks.Conformance.Generation;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Providers.Twilio;
using CallHooks.Conformance.Scenarios;
using CallHooks.Conformance.Tests.Support;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Tests.Providers.Twilio;

/// <summary>Plays a shipped twilio scenario through the profile under the fixed seed and clock, and reads the form back.</summary>
internal static class TwilioTestKit
{
    public static Scenario Scenario(string name)
    {
        var (scenario, errors) = ScenarioLoader.LoadFile(Path.Combine(RepoPaths.Scenarios, "twilio", name + ".json"));
        Assert.That(errors, Is.Empty, () => string.Join("\n", errors));
        return scenario!;
    }

    public static WebhookConfig Config(string method = "POST", string encoding = "form", string? secret = null) =>
        new()
        {
            Target = Fixtures.Target,
            Method = method,
            Encoding = encoding,
            Secret = secret,
        };

    public static List<WebhookRequest> Requests(string scenarioName, WebhookConfig? config = null)
    {
        var scenario = Scenario(scenarioName);
        var call = CallGenerator.Generate(scenario, Fixtures.Seed, Fixtures.Now);
        var eventTime = call.StartedAt;
        var requests = new List<WebhookRequest>();
        for (var index = 0; index < scenario.Steps.Count; index++)
        {
            eventTime += scenario.Steps[index].After;
            requests.Add(new TwilioProfile().Build(new StepContext(call, scenario.Steps[index], index, eventTime), config ?? Config()));
        }

        return requests;
    }

    /// <summary>The form body's fields, decoded the way any form reader would.</summary>
    public static Dictionary<string, string> Form(WebhookRequest request) =>
        Encoding
            .UTF8.GetString(request.Body.Span)
            .Split('&')
            .Select(pair => pair.Split('='))
            .ToDictionary(
                pair => Uri.UnescapeDataString(pair[0].Replace('+', ' ')),
                pair => Uri.UnescapeDataString(pair[1].Replace('+', ' '))
            );

    public static List<Dictionary<string, string>> Forms(string scenarioName) => Requests(scenarioName).Select(Form).ToList();
}
