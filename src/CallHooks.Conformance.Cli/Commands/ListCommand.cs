using System.CommandLine;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Scenarios;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary><c>callhooks list</c>: providers, their events and scenarios, and the fields query parameters can carry.</summary>
internal static class ListCommand
{
    public static Command Create(CliConsole console)
    {
        var folder = new Option<string?>("--scenarios") { Description = "Folder of scenario files (default: ./scenarios, else the shipped suite).", HelpName = "DIR" };
        var command = new Command("list", "List providers, their events and scenarios, and the mappable query fields.") { folder };
        command.SetAction(parsed =>
        {
            var library = ScenarioLibrary.LoadDirectory(ScenarioSelection.Folder(parsed.GetValue(folder)));
            foreach (var profile in ProviderCatalog.All)
                Write(console.Out, profile, library);
            foreach (var error in library.Errors)
                console.Error.WriteLine("callhooks: " + error);
            return library.Errors.Count == 0 ? ExitCodes.Passed : ExitCodes.InvalidInput;
        });
        return command;
    }

    private static void Write(TextWriter output, IProviderProfile profile, ScenarioLibrary library)
    {
        output.WriteLine($"{profile.Name}: {profile.Description}");
        output.WriteLine($"  methods: {string.Join(", ", profile.Methods)} (default {profile.DefaultMethod}); encodings: {string.Join(", ", profile.Encodings)} (default {profile.DefaultEncoding}); time budget: {DurationText.Format(profile.TimeBudget)}");
        output.WriteLine("  events:");
        foreach (var providerEvent in profile.Events)
            output.WriteLine($"    {providerEvent.Id,-6} {providerEvent.Meaning}");
        output.WriteLine("  scenarios:");
        foreach (var scenario in library.Scenarios.Where(scenario => scenario.Provider == profile.Name))
            output.WriteLine($"    {scenario.Name,-26} {string.Join(" -> ", scenario.Steps.Select(step => step.Event))}  {scenario.Description}");
        if (profile.QueryFields.Count == 0)
        {
            output.WriteLine("  query fields: none (the provider's panel maps no query parameters)");
        }
        else
        {
            output.WriteLine("  query fields (--query name=field):");
            foreach (var field in profile.QueryFields)
                output.WriteLine($"    {field.Id,-16} {field.Label} (e.g. {field.Example})");
        }
        output.WriteLine();
    }
}
