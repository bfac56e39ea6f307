using System.Text.Json;
using CallHooks.Conformance.Scenarios.Schema;

namespace CallHooks.Conformance.Scenarios;

/// <summary>
/// Reads scenario files in three passes, each reporting every problem it finds with its position:
/// JSON syntax, then the committed JSON Schema, then meaning (events the provider has, valid durations
/// and patterns). A file with any problem yields no scenario.
/// </summary>
internal static class ScenarioLoader
{
    /// <summary>Larger files are certainly not scenarios; refusing them keeps a typo'd path from eating memory.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    private static readonly Lazy<JsonSchema> Schema = new(LoadSchema);

    public static (Scenario? Scenario, IReadOnlyList<ScenarioError> Errors) LoadFile(string path)
    {
        var info = new FileInfo(path);
        if (Directory.Exists(path))
            return Fail(path, "is a directory, not a scenario file");
        if (!info.Exists)
            return Fail(path, "file not found");
        if (info.Length > MaxFileBytes)
            return Fail(path, $"file is {info.Length} bytes; scenario files are at most {MaxFileBytes} bytes");
        // The length a file reports is not to be trusted (/dev/zero reports 0): the read itself stops at the limit.
        var (bytes, problem) = Input.BoundedFile.Read(path, (int)MaxFileBytes, "a scenario file");
        return bytes is null ? Fail(path, problem!) : Load(path, bytes);
    }

    public static (Scenario? Scenario, IReadOnlyList<ScenarioError> Errors) Load(string path, ReadOnlyMemory<byte> utf8)
    {
        // A UTF-8 byte-order mark, as Windows editors save files, is not part of the JSON; positions count from after it.
        if (utf8.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            utf8 = utf8[3..];
        // The JSON reader accepts some invalid UTF-8 inside strings and then fails later with a confusing message.
        if (FirstInvalidUtf8(utf8.Span) is { } bad)
            return (
                null,
                [new ScenarioError(path, bad.Line, bad.Column, $"not valid UTF-8: byte 0x{bad.Byte:X2} (save the file as UTF-8)")]
            );
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException exception)
        {
            var line = (int)(exception.LineNumber ?? -1) + 1;
            var column = (int)(exception.BytePositionInLine ?? -1) + 1;
            return (null, [new ScenarioError(path, line, column, "invalid JSON: " + SyntaxMessage(exception))]);
        }

        using (document)
        {
            var positions = JsonPositionMap.Build(utf8.Span);
            if (DuplicateKeys.Find(utf8.Span) is { Count: > 0 } duplicates)
            {
                var lines = new LineIndex(utf8.Span);
                return (
                    null,
                    duplicates
                        .Select(duplicate =>
                        {
                            var (line, column) = lines.Locate(duplicate.Offset);
                            var (firstLine, firstColumn) = lines.Locate(duplicate.FirstOffset);
                            return new ScenarioError(
                                path,
                                line,
                                column,
                                $"duplicate key \"{duplicate.Name}\" (first at {firstLine}:{firstColumn}): a JSON reader keeps only one of the two"
                            );
                        })
                        .ToList()
                );
            }

            var violations = Schema.Value.Validate(document.RootElement);
            if (violations.Count > 0)
            {
                return (
                    null,
                    violations
                        .Select(violation =>
                        {
                            var (line, column) = violation.Message.StartsWith("unknown property", StringComparison.Ordinal)
                                ? positions.LocateProperty(violation.Pointer)
                                : positions.Locate(violation.Pointer);
                            return new ScenarioError(path, line, column, Friendly(violation, document.RootElement) + At(violation.Pointer));
                        })
                        .ToList()
                );
            }

            return ScenarioReader.Read(path, document.RootElement, positions);
        }
    }

    /// <summary>A duration's regular expression means nothing to a user; say what a duration looks like instead.</summary>
    private static string Friendly(SchemaViolation violation, JsonElement root)
    {
        var isDuration =
            violation.Pointer.EndsWith("/after", StringComparison.Ordinal)
            || violation.Pointer.EndsWith("/within", StringComparison.Ordinal);
        if (!isDuration || !violation.Message.Contains("does not match pattern", StringComparison.Ordinal))
            return violation.Message;
        var text = Resolve(root, violation.Pointer)?.GetString();
        return DurationText.TryParse(text, out _, out var problem) ? violation.Message : problem;
    }

    private static JsonElement? Resolve(JsonElement root, string pointer)
    {
        var current = root;
        foreach (var token in JsonPointer.Split(pointer))
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(token, out var child))
                current = child;
            else if (
                current.ValueKind == JsonValueKind.Array
                && int.TryParse(token, System.Globalization.CultureInfo.InvariantCulture, out var index)
                && index < current.GetArrayLength()
            )
                current = current[index];
            else
                return null;
        }

        return current;
    }

    private static string At(string pointer) => pointer.Length == 0 ? "" : $" (at {pointer})";

    /// <summary>System.Text.Json appends its own "LineNumber: .. | BytePositionInLine: .." which our location already says.</summary>
    private static string SyntaxMessage(JsonException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        // The reader quotes whole invalid literals, line breaks included; an error stays one line of sensible length.
        var text = (cut > 0 ? message[..cut] : message).TrimEnd(' ', '.').ReplaceLineEndings("\\n");
        return text.Length <= 200 ? text : text[..200] + "…";
    }

    private static (int Line, int Column, byte Byte)? FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
            return null;
        var offset = 0;
        while (offset < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
                break;
            offset += consumed;
        }

        var before = bytes[..offset];
        var line = before.Count((byte)'\n') + 1;
        var column = offset - (before.LastIndexOf((byte)'\n') + 1) + 1;
        return (line, column, bytes[Math.Min(offset, bytes.Length - 1)]);
    }

    private static (Scenario?, IReadOnlyList<ScenarioError>) Fail(string path, string message) =>
        (null, [new ScenarioError(path, 0, 0, message)]);

    private static JsonSchema LoadSchema()
    {
        using var stream = typeof(ScenarioLoader).Assembly.GetManifestResourceStream("scenario.schema.json")
            ?? throw new InvalidOperationException("scenario.schema.json is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        return JsonSchema.Parse(reader.ReadToEnd());
    }
}
