using System.CommandLine;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Scenarios;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>
/// <c>callhooks list</c>: providers, their events and scenarios, and the fields query parameters can carry;
/// <c>--readings</c>: where the providers' sources disagree and which reading each <c>--option</c> selects;
/// <c>--fields PROVIDER</c>: every field a profile sends with its source.
/// </summary>
internal static class ListCommand
{
    public static Command Create(CliConsole console)
    {
        var folder = new Option<string?>("--scenarios")
        {
            Description = "Folder of scenario files (default: ./scenarios, else the shipped suite).",
            HelpName = "DIR",
        };
        var readings = new Option<bool>("--readings")
        {
            Description = "List every documented ambiguity (reading): its choices, the default and why, each with its source.",
        };
        var fields = new Option<string?>("--fields")
        {
            Description = "List every field PROVIDER sends, with where its name, type and values come from.",
            HelpName = "PROVIDER",
        };
        var command = new Command(
            "list",
            "List providers, their events and scenarios, and the mappable query fields; or their readings (--readings) or fields (--fields)."
        )
        {
            folder,
            readings,
            fields,
        };
        command.SetAction(parsed =>
        {
            if (parsed.GetValue(fields) is { } provider)
                return WriteFields(console, provider);
            if (parsed.GetValue(readings))
            {
                foreach (var profile in ProviderCatalog.All)
                    ReadingsText.Write(console.Out, profile);
                return ExitCodes.Passed;
            }

            var library = ScenarioLibrary.LoadDirectory(ScenarioSelection.Folder(parsed.GetValue(folder)));
            foreach (var profile in ProviderCatalog.All)
                Write(console.Out, profile, library);
            foreach (var error in library.Errors)
                console.Error.WriteLine("callhooks: " + error);
            return library.Errors.Count == 0 ? ExitCodes.Passed : ExitCodes.InvalidInput;
        });
        return command;
    }

    private static int WriteFields(CliConsole console, string provider)
    {
        if (ProviderCatalog.Find(provider) is not { } profile)
        {
            console.Error.WriteLine(
                $"callhooks: --fields '{provider}': unknown provider; known: {string.Join(", ", ProviderCatalog.All.Select(p => p.Name))}"
            );
            return ExitCodes.InvalidInput;
        }

        FieldsText.Write(console.Out, profile);
        return ExitCodes.Passed;
    }

    private static void Write(TextWriter output, IProviderProfile profile, ScenarioLibrary library)
    {
        output.WriteLine($"{profile.Name}: {profile.Description}");
        output.WriteLine(
            $"  methods: {string.Join(", ", profile.Methods)} (default {profile.DefaultMethod}); encodings: {string.Join(", ", profile.Encodings)} (default {profile.DefaultEncoding}); time budget: {DurationText.Format(profile.TimeBudget)}"
        );
        output.WriteLine("  events:");
        foreach (var providerEvent in profile.Events)
            output.WriteLine($"    {providerEvent.Id, -6} {providerEvent.Meaning}");
        foreach (var (group, ids) in profile.EventGroups)
            output.WriteLine($"  event group {group} (a panel file's events): {string.Join(", ", ids)}");
        output.WriteLine("  scenarios:");
        foreach (var scenario in library.Scenarios.Where(scenario => scenario.Provider == profile.Name))
            output.WriteLine(
                $"    {scenario.Name, -26} {string.Join(" -> ", scenario.Steps.Select(step => step.Event))}  {scenario.Description}"
            );
        if (profile.QueryFields.Count == 0)
        {
            output.WriteLine("  query fields: none (the provider's panel maps no query parameters)");
        }
        else
        {
            output.WriteLine("  query fields (--query name=field):");
            foreach (var field in profile.QueryFields)
                output.WriteLine($"    {field.Id, -16} {field.Label} (e.g. {field.Example})");
        }

        if (profile.Readings.Count > 0)
            output.WriteLine($"  readings (--option, see list --readings): {Providers.Readings.ReadingOptions.Usage(profile.Readings)}");
        output.WriteLine($"  fields: {profile.Fields.Rows.Count} (see list --fields {profile.Name})");
        output.WriteLine();
    }
}
