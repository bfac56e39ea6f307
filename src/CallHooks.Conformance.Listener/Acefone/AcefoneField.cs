using System.Text.Json;

namespace CallHooks.Conformance.Listener.Acefone;

/// <summary>
/// One value of an Acefone request: the text of a form or query field or of a JSON string, or else the JSON
/// element itself (an object, a list, a number...).
/// </summary>
internal sealed record AcefoneField(string? Text, JsonElement Json)
{
    public static AcefoneField OfText(string text) => new(text, default);

    public bool IsText => Text is not null;
}
