using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CallHooks.Conformance.Wire;

/// <summary>
/// Compact JSON as providers write it: keys in payload order, no whitespace, and no escaping of
/// <c>+</c>, <c>&lt;</c> or non-ASCII letters (System.Text.Json's default encoder would turn <c>+91</c> into
/// <c>\u002B91</c>, which no provider sends).
/// </summary>
public static class PayloadJson
{
    private static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static string Serialize(JsonNode node) => node.ToJsonString(Compact);

    /// <summary>The same text as <see cref="Serialize"/>, as the UTF-8 bytes that go on the wire, without a string in between.</summary>
    public static byte[] SerializeToUtf8(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node, Compact);
}
