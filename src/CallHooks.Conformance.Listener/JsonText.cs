using System.Buffers;
using System.Text;
using System.Text.Json;

namespace CallHooks.Conformance.Listener;

/// <summary>Small JSON helpers shared by the reader and the checks.</summary>
internal static class JsonText
{
    /// <summary>
    /// Strict like PHP's json_decode on a well-formed document, and stricter on one point: a repeated key
    /// (two <c>call_state</c>s) is rejected, because readers disagree on which one wins.
    /// </summary>
    public static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 32 };

    private const int MaxShown = 60;

    /// <summary>"number 1", "string \"x\"", "null": the kind and the value, so a message shows what arrived.</summary>
    public static string Describe(JsonElement value) =>
        value.ValueKind switch
        {
            JsonValueKind.Null => "null",
            JsonValueKind.True or JsonValueKind.False => "boolean " + value.GetRawText(),
            JsonValueKind.Object => "object",
            JsonValueKind.Array => "array",
            _ => Kind(value) + " " + Shorten(value.GetRawText()),
        };

    public static string Kind(JsonElement value) =>
        value.ValueKind switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Null => "null",
            JsonValueKind.Object => "object",
            _ => "array",
        };

    /// <summary>A string value quoted for a message, cut short so one bad field cannot flood a log line.</summary>
    public static string Quote(string value) => "\"" + Shorten(value) + "\"";

    /// <summary>The element re-written without insignificant whitespace: retries compare equal whatever the encoding.</summary>
    public static string Compact(JsonElement value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            value.WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Shorten(string text) => text.Length <= MaxShown ? text : text[..MaxShown] + "...";
}
