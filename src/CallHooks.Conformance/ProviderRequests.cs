using CallHooks.Conformance.Generation;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Running;
using CallHooks.Conformance.Scenarios;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance;

/// <summary>
/// The engine's public face: the requests a provider sends for a call scenario, exactly as callhooks puts them on the
/// wire (same profile, same seeded data, same signing), for a harness of your own, a unit test of a listener's parser, or
/// a fixture file. Playing scenarios and judging a listener is the <c>callhooks</c> tool's and the NUnit integration's
/// job; their results are results.json, whose format the README documents field by field.
/// </summary>
public static class ProviderRequests
{
    /// <summary>The providers callhooks plays, by the names <c>--provider</c> takes.</summary>
    public static IReadOnlyList<string> Providers => ProviderCatalog.All.Select(profile => profile.Name).ToList();

    /// <summary>The scenarios in <paramref name="folder"/> (<c>scenarios/</c> of a run, or the shipped suite), as <c>provider/name</c>.</summary>
    /// <exception cref="InvalidDataException">A scenario file is invalid; the message names the file, line and column.</exception>
    public static IReadOnlyList<string> Scenarios(string folder) =>
        Load(folder).Scenarios.Select(scenario => $"{scenario.Provider}/{scenario.Name}").ToList();

    /// <summary>
    /// Every request the provider sends for the scenario's call, in order, addressed to <paramref name="target"/> with the
    /// provider's default panel settings: byte for byte what <c>callhooks run --target TARGET --seed SEED --now CALLSTART
    /// --scenario NAME</c> sends. Events the provider would not send are left out.
    /// </summary>
    /// <param name="folder">The folder the scenario is in.</param>
    /// <param name="provider">A name from <see cref="Providers"/>.</param>
    /// <param name="scenario">The scenario's name.</param>
    /// <param name="target">The listener's URL.</param>
    /// <param name="seed">The seed of the generated call data.</param>
    /// <param name="callStart">When the call starts, in call time.</param>
    /// <exception cref="ArgumentException">The provider or the scenario is unknown.</exception>
    public static IReadOnlyList<WebhookRequest> For(
        string folder,
        string provider,
        string scenario,
        Uri target,
        int seed,
        DateTimeOffset callStart
    )
    {
        ArgumentNullException.ThrowIfNull(target);
        var profile = ProviderCatalog.Find(provider)
            ?? throw new ArgumentException($"unknown provider '{provider}'; known: {string.Join(", ", Providers)}", nameof(provider));
        var found = Load(folder).Scenarios.FirstOrDefault(candidate => candidate.Provider == provider && candidate.Name == scenario)
            ?? throw new ArgumentException($"no scenario '{scenario}' of {provider} in {folder}", nameof(scenario));
        var config = new WebhookConfig { Target = target };
        return Sent(profile, found, config, CallGenerator.Generate(found, seed, callStart)).Select(sent => sent.Request).ToList();
    }

    /// <summary>Each step of <paramref name="call"/> the provider sends under <paramref name="config"/>, with its request.</summary>
    internal static List<(ScenarioStep Step, WebhookRequest Request)> Sent(
        IProviderProfile profile,
        Scenario scenario,
        WebhookConfig config,
        Calls.Call call
    )
    {
        var memo = new CallMemo();
        var requests = new List<(ScenarioStep, WebhookRequest)>(scenario.Steps.Count);
        var eventTime = call.StartedAt;
        for (var index = 0; index < scenario.Steps.Count; index++)
        {
            eventTime += scenario.Steps[index].After;
            var context = new StepContext(call, scenario.Steps[index], index, eventTime) { Memo = memo };
            if (profile.SkipReason(context, config) is null)
                requests.Add((scenario.Steps[index], DeliveryRecords.Build(profile, config, context)));
        }

        return requests;
    }

    /// <summary>The request as HTTP/1.1 bytes, exactly as callhooks writes them to the connection.</summary>
    public static byte[] Bytes(WebhookRequest request) => RawHttpRenderer.Render(request);

    private static ScenarioLibrary Load(string folder)
    {
        var library = ScenarioLibrary.LoadDirectory(folder);
        return library.Errors.Count == 0
            ? library
            : throw new InvalidDataException(string.Join(Environment.NewLine, library.Errors.Select(error => error.ToString())));
    }
}
