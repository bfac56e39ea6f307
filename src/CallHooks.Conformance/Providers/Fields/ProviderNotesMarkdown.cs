using System.Text;

namespace CallHooks.Conformance.Providers.Fields;

/// <summary>
/// The generated parts of docs/providers/&lt;profile&gt;.md: the sources, the readings, the field table and the fields the
/// robustness rules vary, each between
/// marker comments, so a test can regenerate them and compare (and <c>CALLHOOKS_APPROVE=1</c> rewrite them).
/// </summary>
internal static class ProviderNotesMarkdown
{
    public static readonly IReadOnlyList<string> Sections = ["sources", "readings", "fields", "robustness"];

    public static string Section(IProviderProfile profile, string section) =>
        section switch
        {
            "sources" => Sources(profile.Fields),
            "readings" => ReadingsTable(profile),
            "fields" => Fields(profile.Fields),
            "robustness" => Robustness(profile),
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
            var choices = reading
                .Choices.OrderBy(choice => choice.Value == reading.Default ? 0 : 1)
                .Select(choice =>
                    $"`{choice.Value}`{(choice.Value == reading.Default ? " (default)" : "")}: {Cell(choice.Sends)} ({Cites(choice.Source)})"
                );
            text.Append($"| `{reading.Id}` | {Cell(reading.Question)} | {string.Join("<br>", choices)} | {Cell(reading.WhyDefault)} |\n");
        }

        return text.ToString();
    }

    private static string Fields(FieldTable table)
    {
        var text = new StringBuilder("| field | type and values | sources | notes |\n| --- | --- | --- | --- |\n");
        foreach (var row in table.Rows)
            text.Append(
                $"| `{row.Path}` | {Cell(row.Shape)} | {string.Join(", ", row.Sources.Select(id => "`" + id + "`"))} | {Cell(row.Note)} |\n"
            );
        return text.ToString();
    }

    /// <summary>The fields ROB-002..005 vary, per event; events that take the same fields share a row.</summary>
    private static string Robustness(IProviderProfile profile)
    {
        var text = new StringBuilder(
            "| events | optional: left out (ROB-002), empty (ROB-003) | free text: non-Latin (ROB-004), very long (ROB-005) |\n| --- | --- | --- |\n"
        );
        foreach (var group in profile.Events.GroupBy(providerEvent => profile.HintsFor(providerEvent.Id), HintsComparer.Instance))
            text.Append(
                $"| {string.Join(", ", group.Select(providerEvent => "`" + providerEvent.Id + "`"))} | {Names(group.Key.OptionalFields)} | {Names(group.Key.TextFields)} |\n"
            );
        var keysNote = profile
            .Events.Select(providerEvent => profile.HintsFor(providerEvent.Id).KeysNote)
            .FirstOrDefault(note => note is not null);
        text.Append(
            keysNote is null
                ? "\nROB-001 adds two fields no release has sent yet to every event.\n"
                : $"\nROB-001 does not apply: {Cell(keysNote)}.\n"
        );
        return text.ToString();

        static string Names(IReadOnlyList<string> names) =>
            names.Count == 0 ? "none" : string.Join(", ", names.Select(name => "`" + name + "`"));
    }

    private sealed class HintsComparer : IEqualityComparer<PayloadHints>
    {
        public static readonly HintsComparer Instance = new();

        public bool Equals(PayloadHints? x, PayloadHints? y) =>
            x is not null
            && y is not null
            && x.OptionalFields.SequenceEqual(y.OptionalFields)
            && x.TextFields.SequenceEqual(y.TextFields)
            && x.KeysNote == y.KeysNote;

        public int GetHashCode(PayloadHints hints) => HashCode.Combine(hints.OptionalFields.Count, hints.TextFields.Count, hints.KeysNote);
    }

    private static string Cites(string sources) =>
        string.Join(", ", sources.Split(',', StringSplitOptions.TrimEntries).Select(id => "`" + id + "`"));

    /// <summary>
    /// A table cell: pipes escaped and line breaks folded, so one row stays one row, and angle brackets written as
    /// entities, so a shape such as &lt;node&gt;.&lt;epoch&gt; is shown rather than read as an HTML tag.
    /// </summary>
    private static string Cell(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
}
