namespace CallHooks.Conformance.Providers.Fields;

/// <summary>One field a profile sends, and where its name, type and values come from.</summary>
/// <param name="Path">
/// Where it sits, as the field-source tests find it in the bytes: JSON members joined by dots, arrays as <c>[]</c>
/// (<c>payload.legs[].dial_status</c>), form and query parameters by name, template variables as <c>$name</c>.
/// </param>
/// <param name="Shape">Its type and values as sent, e.g. <c>string, E.164</c> or <c>"bridged" | "missed" | "voicemail"</c>.</param>
/// <param name="Sources">Ids of the sources it follows (see <see cref="FieldTable.Sources"/>), strongest first.</param>
/// <param name="Note">What a listener author should know: where the sources disagree, what an assumption assumes.</param>
internal sealed record FieldRow(string Path, string Shape, IReadOnlyList<string> Sources, string Note = "")
{
    /// <summary>A row whose sources are given as comma-separated ids, the way the profiles' tables read best.</summary>
    public static FieldRow Of(string path, string shape, string sources, string note = "") =>
        new(path, shape, sources.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), note);

    /// <summary>True when nothing but our own choice backs this field; the note then says what was assumed.</summary>
    public bool IsAssumption => Sources.Count == 1 && Sources[0] == Source.AssumptionId;
}
