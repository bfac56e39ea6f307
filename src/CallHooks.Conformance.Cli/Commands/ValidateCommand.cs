using System.CommandLine;
using CallHooks.Conformance.Scenarios;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary><c>callhooks validate PATH...</c>: check scenario files (or folders of them) without sending anything.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Scenario files or folders to check.", Arity = ArgumentArity.OneOrMore };
        var command = new Command(
            "validate",
            "Check scenario files against the schema and the providers' events; print file:line:column for each problem."
        )
        {
            paths,
        };
        command.SetAction(parsed =>
        {
            var files = new List<string>();
            foreach (var path in parsed.GetValue(paths) ?? [])
            {
                if (Directory.Exists(path))
                    files.AddRange(ScenarioLibrary.FilesUnder(path));
                else
                    files.Add(path);
            }

            if (files.Count == 0)
            {
                // A folder with no scenario file in it is a wrong path, not a valid suite.
                console.Error.WriteLine("callhooks: no scenario files (*.json) in " + string.Join(", ", parsed.GetValue(paths) ?? []));
                return ExitCodes.InvalidInput;
            }

            var library = ScenarioLibrary.LoadFiles(files);
            foreach (var error in library.Errors)
                console.Error.WriteLine(error.ToString());
            foreach (var scenario in library.Scenarios)
                console.Out.WriteLine($"ok {scenario.SourcePath} ({scenario.Provider}/{scenario.Name}, {scenario.Steps.Count} events)");
            console.Out.WriteLine(
                $"{files.Count} file(s): {library.Scenarios.Count} valid, {files.Count - library.Scenarios.Count} invalid"
            );
            return library.Errors.Count == 0 ? ExitCodes.Passed : ExitCodes.InvalidInput;
        });
        return command;
    }
}
