using System.Text.Json;

namespace CallHooks.Conformance.Scenarios.Schema;

/// <summary>
/// Reads a JSON string value. Valid JSON may still escape an unpaired surrogate ("\ud800"), which
/// .NET refuses to turn into a string; that has to become a violation, not a crash.
/// </summary>
internal static class StringValue
{
    public static bool TryGet(JsonElement value, out string text)
    {
        try
        {
            text = value.GetString() ?? "";
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    public static int CountCodePoints(string text) => text.EnumerateRunes().Count();
}
