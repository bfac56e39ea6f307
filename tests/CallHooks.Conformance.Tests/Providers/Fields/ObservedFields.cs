using CallHooks.Conformance.Generation;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Providers.Acefone;
using CallHooks.Conformance.Providers.Fields;
using CallHooks.Conformance.Scenarios;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Providers.Fields;

/// <summary>
/// Every field path a profile puts on the wire across every shipped scenario of it, under every method and encoding it
/// supports and every choice of every reading it declares: what its field table must account for, row by row.
/// </summary>
internal static class ObservedFields
{
    public static IReadOnlyDictionary<string, SortedSet<string>> Of(IProviderProfile profile)
    {
        // Acefone's body keys are the template's; its default form template keys each variable by its own name.
        var prefix = profile.Name == AcefoneProfile.ProfileName ? "$" : "";
        var observed = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var scenarios = ScenarioLibrary
            .LoadDirectory(RepoPaths.Scenarios)
            .Scenarios.Where(scenario => scenario.Provider == profile.Name)
            .ToList();
        foreach (var config in Configurations(profile))
        {
            foreach (var scenario in scenarios)
            {
                var call = CallGenerator.Generate(scenario, Fixtures.Seed, Fixtures.Now);
                var eventTime = call.StartedAt;
                for (var index = 0; index < scenario.Steps.Count; index++)
                {
                    var step = scenario.Steps[index];
                    eventTime += step.After;
                    var context = new StepContext(call, step, index, eventTime);
                    if (profile.SkipReason(context, config) is not null)
                        continue;
                    IReadOnlySet<string> paths;
                    try
                    {
                        paths = FieldPaths.Of(profile.Build(context, config), config, prefix);
                    }
                    catch (System.Text.Json.JsonException) when (config.Options.Count > 0)
                    {
                        // A reading that reproduces a sample's invalid JSON (voipappz destination=raw): same keys, unreadable bytes.
                        continue;
                    }

                    foreach (var path in paths)
                    {
                        if (!observed.TryGetValue(path, out var events))
                            observed[path] = events = new SortedSet<string>(StringComparer.Ordinal);
                        events.Add(step.Event);
                    }
                }
            }
        }

        return observed;
    }

    /// <summary>Each method and encoding with default readings, then each non-default reading choice with the default method and encoding.</summary>
    private static IEnumerable<WebhookConfig> Configurations(IProviderProfile profile)
    {
        IReadOnlyList<string> encodings = profile.Name == AcefoneProfile.ProfileName ? ["form"] : profile.Encodings;
        foreach (var method in profile.Methods)
        {
            foreach (var encoding in method == "GET" ? [null] : encodings.Cast<string?>())
                yield return new WebhookConfig
                {
                    Target = Fixtures.Target,
                    Method = method,
                    Encoding = encoding,
                };
        }

        foreach (var reading in profile.Readings)
        {
            foreach (var choice in reading.Choices.Where(choice => choice.Value != reading.Default))
            {
                yield return new WebhookConfig
                {
                    Target = Fixtures.Target,
                    Encoding = profile.Name == AcefoneProfile.ProfileName ? "form" : null,
                    Options = new Dictionary<string, string>(StringComparer.Ordinal) { [reading.Id] = choice.Value },
                };
            }
        }
    }
}
