using System.Globalization;
using System.Text.Json;
using CallHooks.Conformance.Input;
using CallHooks.Conformance.Scenarios.Schema;

namespace CallHooks.Conformance.Recordings;

/// <summary>
/// Reads the fields of a foreign recording (HAR, WireMock) and fails at the first problem, naming the field and where it
/// is. A missing field is reported at its parent (it has no position of its own), a mistyped one at itself. JSON null
/// counts as missing: some tools write every absent field as null.
/// </summary>
internal sealed class JsonFields(string path, JsonPositionMap positions)
{
    public string Path => path;

    public RecordingFormatException Fail(string pointer, string message)
    {
        var (line, column) = positions.Locate(pointer);
        return new RecordingFormatException(new LocatedError(path, line, column, message + CheckedJson.At(pointer)));
    }

    public static string Child(string pointer, string name) => JsonPointer.Append(pointer, name);

    public static bool Has(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public JsonElement Object(JsonElement parent, string pointer, string name) =>
        OptionalObject(parent, pointer, name) ?? throw Fail(pointer, $"\"{name}\" must be an object");

    public JsonElement? OptionalObject(JsonElement parent, string pointer, string name) =>
        Optional(parent, pointer, name, JsonValueKind.Object, "an object");

    /// <summary>The elements of array <paramref name="name"/> with their pointers; empty when it is missing.</summary>
    public IReadOnlyList<(JsonElement Value, string Pointer)> OptionalArray(JsonElement parent, string pointer, string name) =>
        Optional(parent, pointer, name, JsonValueKind.Array, "an array") is { } array ? Elements(array, Child(pointer, name)) : [];

    public static IReadOnlyList<(JsonElement Value, string Pointer)> Elements(JsonElement array, string pointer) =>
        [.. array.EnumerateArray().Select((item, index) => (item, JsonPointer.Append(pointer, index)))];

    public string String(JsonElement parent, string pointer, string name) =>
        OptionalString(parent, pointer, name) ?? throw Fail(pointer, $"\"{name}\" must be a string");

    public string? OptionalString(JsonElement parent, string pointer, string name) =>
        Optional(parent, pointer, name, JsonValueKind.String, "a string")?.GetString();

    public int? OptionalInt(JsonElement parent, string pointer, string name)
    {
        if (Optional(parent, pointer, name, JsonValueKind.Number, "a whole number") is not { } value)
            return null;
        return value.TryGetInt32(out var number) ? number : throw Fail(Child(pointer, name), $"\"{name}\" must be a whole number");
    }

    public double? OptionalNumber(JsonElement parent, string pointer, string name) =>
        Optional(parent, pointer, name, JsonValueKind.Number, "a number")?.GetDouble();

    /// <summary>The bytes of base64 field <paramref name="name"/>, or null when it is missing.</summary>
    public byte[]? OptionalBase64(JsonElement parent, string pointer, string name)
    {
        if (OptionalString(parent, pointer, name) is not { } text)
            return null;
        return Base64(text, Child(pointer, name), name);
    }

    public byte[] Base64(string text, string pointer, string name)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw Fail(pointer, $"\"{name}\" must be base64");
        }
    }

    public DateTimeOffset Time(string text, string pointer, string name) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw Fail(pointer, $"\"{name}\" must be an ISO 8601 time, not \"{text}\"");

    /// <summary>A WireMock status code: a number, or (WireMock.Net writes <c>object</c>) a string of digits.</summary>
    public int? OptionalStatus(JsonElement parent, string pointer, string name)
    {
        if (Has(parent, name) && parent.GetProperty(name) is { ValueKind: JsonValueKind.String } text)
            return int.TryParse(text.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw Fail(Child(pointer, name), $"\"{name}\" must be a whole number");
        return OptionalInt(parent, pointer, name);
    }

    /// <summary>
    /// Headers written as an object of name to value, where a value is a string or an array of strings (WireMock's
    /// journal and responses): one header per value, in the order written.
    /// </summary>
    public IReadOnlyList<RecordedHeader> HeaderObject(JsonElement parent, string pointer, string name)
    {
        if (OptionalObject(parent, pointer, name) is not { } headers)
            return [];
        var result = new List<RecordedHeader>();
        foreach (var header in headers.EnumerateObject())
        {
            var at = Child(Child(pointer, name), header.Name);
            if (header.Value.ValueKind == JsonValueKind.String)
                result.Add(new RecordedHeader(header.Name, header.Value.GetString()!));
            else if (header.Value.ValueKind == JsonValueKind.Array)
                foreach (var (value, valuePointer) in Elements(header.Value, at))
                    result.Add(
                        new RecordedHeader(
                            header.Name,
                            value.ValueKind == JsonValueKind.String
                                ? value.GetString()!
                                : throw Fail(valuePointer, $"a value of header \"{header.Name}\" must be a string")
                        )
                    );
            else
                throw Fail(at, $"header \"{header.Name}\" must be a string or an array of strings");
        }

        return result;
    }

    private JsonElement? Optional(JsonElement parent, string pointer, string name, JsonValueKind kind, string what)
    {
        if (!Has(parent, name))
            return null;
        var value = parent.GetProperty(name);
        return value.ValueKind == kind ? value : throw Fail(Child(pointer, name), $"\"{name}\" must be {what}");
    }
}
