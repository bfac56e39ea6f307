using System.CommandLine;
using CallHooks.Conformance.Panels;
using CallHooks.Conformance.Providers;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>
/// <c>callhooks init --provider NAME</c>: writes a commented starter panel file (callhooks.json) and, beside it, the
/// panel file's JSON Schema (callhooks.schema.json), which editors use to check and complete it. Never overwrites
/// without <c>--force</c>.
/// </summary>
internal static class InitCommand
{
    public const string SchemaName = "callhooks.schema.json";

    public static Command Create(CliConsole console)
    {
        var provider = new Option<string?>("--provider") { Description = "The provider whose panel to start from.", HelpName = "NAME" };
        var output = new Option<string?>("--out")
        {
            Description = $"Where to write the panel file (default ./{PanelFile.DefaultName}); the schema goes beside it.",
            HelpName = "FILE",
        };
        var force = new Option<bool>("--force") { Description = "Overwrite files that exist." };
        var command = new Command("init", "Write a starter panel file (callhooks.json) for a provider, and its JSON Schema beside it.")
        {
            provider,
            output,
            force,
        };
        command.SetAction(
            async (parsed, cancellationToken) =>
            {
                var name = parsed.GetValue(provider);
                var profile = name is null ? null : ProviderCatalog.Find(name);
                var known = string.Join(", ", ProviderCatalog.All.Select(p => p.Name));
                if (profile is null)
                    throw new UsageException([
                        name is null
                            ? $"--provider: name the provider ({known})"
                            : $"--provider '{name}': unknown provider; known: {known}",
                    ]);
                var panelPath = parsed.GetValue(output) ?? PanelFile.DefaultName;
                var schemaPath = Path.Combine(Path.GetDirectoryName(panelPath) ?? "", SchemaName);
                var existing = new[] { panelPath, schemaPath }.Where(File.Exists).ToList();
                if (existing.Count > 0 && !parsed.GetValue(force))
                    throw new UsageException(existing.Select(file => $"{file} exists; add --force to overwrite it").ToList());
                if (console.ValidateOnly)
                    return ExitCodes.Passed;
                try
                {
                    await File.WriteAllTextAsync(panelPath, StarterPanel.For(profile), cancellationToken).ConfigureAwait(false);
                    await File.WriteAllTextAsync(schemaPath, PanelFile.SchemaText(), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    throw new UsageException([$"--out {panelPath}: cannot write there: {exception.Message}"]);
                }
                await console.Out.WriteLineAsync($"wrote {panelPath} ({profile.Name}) and {schemaPath}").ConfigureAwait(false);
                await console
                    .Out.WriteLineAsync($"next: edit the URLs and credentials, then: callhooks run --target https://your-crm.example")
                    .ConfigureAwait(false);
                return ExitCodes.Passed;
            }
        );
        return command;
    }
}
