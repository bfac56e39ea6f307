using CallHooks.Conformance.Providers;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary><c>callhooks list --fields PROVIDER</c>: the sources the profile cites, then every field with its shape, sources and note.</summary>
internal static class FieldsText
{
    public static void Write(TextWriter output, IProviderProfile profile)
    {
        var table = profile.Fields;
        output.WriteLine(
            $"{profile.Name}: {table.Rows.Count} fields, each with its source (docs/providers/{profile.Name}.md has the same table)"
        );
        output.WriteLine("sources:");
        var idWidth = table.Sources.Max(source => source.Id.Length);
        foreach (var source in table.Sources)
            output.WriteLine($"  {source.Id.PadRight(idWidth)}  {Providers.Fields.SourceKindNames.Of(source.Kind), -21} {source.Title}");
        output.WriteLine("fields:");
        foreach (var row in table.Rows)
        {
            output.WriteLine($"  {row.Path}");
            output.WriteLine($"      {row.Shape}");
            output.WriteLine($"      sources: {string.Join(", ", row.Sources)}{(row.IsAssumption ? " (no source: an assumption)" : "")}");
            if (row.Note.Length > 0)
                output.WriteLine($"      note: {row.Note}");
        }
    }
}
