using System.Text;

namespace CallHooks.Conformance.Providers.Fields;

/// <summary>
/// The generated parts of docs/providers/&lt;profile&gt;.md: the sources, the readings and the field table, each between
/// marker comments, so a test can regenerate them and compare (and <c>CALLHOOKS_APPROVE=1</c> rewrite them).
/// </summary>
public static class ProviderNotesMarkdown
{
    public static readonly IReadOnlyList<string> Sections = ["sources", "readings", "fields"];

    public static string Section(IProviderProfile profile, string section) => section switch
    {
        "sources" => Sources(profile.Fields),
        "readings" => ReadingsTable(profile),
        "fields" => Fields(profile.Fields),
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, "no such generated section"),
    };

    /// <summary>Replaces every generated section of <paramref name="document"/> with what the code says now; null when a marker is missing.</summary>
    public static string? Regenerate(string document, IProviderProfile profile)
    {
        foreach (var section in Sections)
        {
            var begin = $"<!-- generated:{section} -->";
            var end = $"<!-- /generated:{section} -->";
            var start = document.IndexOf(begin, StringComparison.Ordinal);
            var stop = document.IndexOf(end, StringComparison.Ordinal);
            if (start < 0 || stop < start)
                return null;
            document = document[..(start + begin.Length)] + "\n" + Section(profile, section) + document[stop..];
        }

        return document;
    }

    private static string Sources(FieldTable table)
    {
        var text = new StringBuilder("| id | kind | what it is |\n| --- | --- | --- |\n");
        foreach (var source in table.Sources)
            text.Append($"| `{source.Id}` | {SourceKindNames.Of(source.Kind)} | {Cell(source.Title)} |\n");
        return text.ToString();
    }

    private static string ReadingsTable(IProviderProfile profile)
    {
        if (profile.Readings.Count == 0)
            return "No reading: every field this profile sends follows one reading of its sources.\n";
        var text = new StringBuilder("| `--option` | question | choices (default first) | why the default |\n| --- | --- | --- | --- |\n");
        foreach (var reading in profile.Readings)
        {
            var choices = reading.Choices.OrderBy(choice => choice.Value == reading.Default ? 0 : 1)
                .Select(choice => $"`{choice.Value}`{(choice.Value == reading.Default ? " (default)" : "")}: {Cell(choice.Sends)} ({Cites(choice.Source)})");
            text.Append($"| `{reading.Id}` | {Cell(reading.Question)} | {string.Join("<br>", choices)} | {Cell(reading.WhyDefault)} |\n");
        }

        return text.ToString();
    }

    private static string Fields(FieldTable table)
    {
        var text = new StringBuilder("| field | type and values | sources | notes |\n| --- | --- | --- | --- |\n");
        foreach (var row in table.Rows)
            text.Append($"| `{row.Path}` | {Cell(row.Shape)} | {string.Join(", ", row.Sources.Select(id => "`" + id + "`"))} | {Cell(row.Note)} |\n");
        return text.ToString();
    }

    private static string Cites(string sources) => string.Join(", ", sources.Split(',', StringSplitOptions.TrimEntries).Select(id => "`" + id + "`"));

    /// <summary>
    /// A table cell: pipes escaped and line breaks folded, so one row stays one row, and angle brackets written as
    /// entities, so a shape such as &lt;node&gt;.&lt;epoch&gt; is shown rather than read as an HTML tag.
    /// </summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
