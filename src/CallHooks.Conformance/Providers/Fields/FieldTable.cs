namespace CallHooks.Conformance.Providers.Fields;

/// <summary>
/// Every field a profile sends with its source: <c>callhooks list --fields PROFILE</c> prints it and
/// docs/providers/&lt;profile&gt;.md carries it, both generated from here so they cannot drift from the code, and a test
/// holds every field found in the bytes of every shipped scenario to a row of this table (and every row to the bytes).
/// </summary>
/// <param name="Sources">The evidence this profile cites; <see cref="AssumptionSource"/> is always among them.</param>
/// <param name="Rows">The fields, in the order the provider sends them.</param>
internal sealed record FieldTable(IReadOnlyList<Source> Sources, IReadOnlyList<FieldRow> Rows)
{
    public static readonly Source AssumptionSource = new(
        Source.AssumptionId,
        SourceKind.Assumption,
        "no source exists: our own choice, with the reason in the field's note"
    );

    /// <summary>Builds a table whose sources are <paramref name="sources"/> plus the shared assumption source.</summary>
    public static FieldTable Of(IReadOnlyList<Source> sources, IReadOnlyList<FieldRow> rows) => new([.. sources, AssumptionSource], rows);

    public Source SourceOf(string id) =>
        Sources.FirstOrDefault(source => source.Id == id) ?? throw new InvalidOperationException($"no source '{id}' in this field table");

    public FieldRow? Row(string path) => Rows.FirstOrDefault(row => row.Path == path);
}
