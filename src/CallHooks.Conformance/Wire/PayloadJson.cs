using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CallHooks.Conformance.Wire;

/// <summary>
/// Compact JSON as providers write it: keys in payload order, no whitespace, and no escaping of
/// <c>+</c>, <c>&lt;</c> or non-ASCII letters (System.Text.Json's default encoder would turn <c>+91</c> into
/// <c>\u002B91</c>, which no provider sends).
/// </summary>
internal static class PayloadJson
{
    private static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static string Serialize(JsonNode node) => node.ToJsonString(Compact);

    // The serializer's default nesting limit (64), as ToJsonString enforces it: a scenario's deeper `set` value is refused alike.
    private static readonly JsonWriterOptions CompactWriter = new()
    {
        Encoder = Compact.Encoder,
        Indented = false,
        MaxDepth = 64,
    };

    // One writer and buffer per thread, reset for each payload: building requests is the hot path of a load run.
    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Json)? scratch;

    /// <summary>The same text as <see cref="Serialize"/>, as the UTF-8 bytes that go on the wire, without a string in between.</summary>
    public static byte[] SerializeToUtf8(JsonNode node) => Write(node, static (json, node) => node.WriteTo(json));

    /// <summary>UTF-8 bytes of whatever <paramref name="write"/> writes, with the same compact, provider-style escaping.</summary>
    public static byte[] Write<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var (buffer, json) = scratch ??= Create();
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        write(json, state);
        json.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static (ArrayBufferWriter<byte>, Utf8JsonWriter) Create()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        return (buffer, new Utf8JsonWriter(buffer, CompactWriter));
    }
}
