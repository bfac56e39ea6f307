using System.Text.Json;
using CallHooks.Conformance.Scenarios.Schema;

namespace CallHooks.Conformance.Input;

/// <summary>
/// The passes every JSON input file goes through before its meaning is read, each reporting every problem with its
/// position: UTF-8, JSON syntax, duplicate keys, then the file's JSON Schema. Scenario files and panel files share it,
/// so both refuse bad input in the same words.
/// </summary>
internal static class CheckedJson
{
    /// <summary>The parsed document and where each value sits, or the problems; the caller disposes the document.</summary>
    /// <param name="explain">Rewords a schema violation for the file's readers (a duration pattern becomes "use 500ms"); null keeps it.</param>
    /// <param name="allowComments">True for files people write by hand with notes in them (the panel file); scenario files are strict JSON.</param>
    public static (JsonDocument? Document, JsonPositionMap? Positions, IReadOnlyList<LocatedError> Errors) Parse(
        string path,
        ReadOnlyMemory<byte> utf8,
        JsonSchema schema,
        Func<SchemaViolation, JsonElement, string>? explain,
        bool allowComments
    )
    {
        // A UTF-8 byte-order mark, as Windows editors save files, is not part of the JSON; positions count from after it.
        if (utf8.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            utf8 = utf8[3..];
        // The JSON reader accepts some invalid UTF-8 inside strings and then fails later with a confusing message.
        if (FirstInvalidUtf8(utf8.Span) is { } bad)
            return Fail(new LocatedError(path, bad.Line, bad.Column, $"not valid UTF-8: byte 0x{bad.Byte:X2} (save the file as UTF-8)"));
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(
                utf8,
                new JsonDocumentOptions
                {
                    MaxDepth = 64,
                    CommentHandling = allowComments ? JsonCommentHandling.Skip : JsonCommentHandling.Disallow,
                }
            );
        }
        catch (JsonException exception)
        {
            return Fail(SyntaxError(path, exception));
        }

        var positions = JsonPositionMap.Build(utf8.Span, allowComments);
        if (DuplicateKeys.Find(utf8.Span, allowComments) is { Count: > 0 } duplicates)
        {
            document.Dispose();
            var lines = new LineIndex(utf8.Span);
            return (
                null,
                null,
                duplicates
                    .Select(duplicate =>
                    {
                        var (line, column) = lines.Locate(duplicate.Offset);
                        var (firstLine, firstColumn) = lines.Locate(duplicate.FirstOffset);
                        return new LocatedError(
                            path,
                            line,
                            column,
                            $"duplicate key \"{duplicate.Name}\" (first at {firstLine}:{firstColumn}): a JSON reader keeps only one of the two"
                        );
                    })
                    .ToList()
            );
        }

        var violations = schema.Validate(document.RootElement);
        if (violations.Count == 0)
            return (document, positions, []);
        var errors = violations
            .Select(violation =>
            {
                var (line, column) = violation.Message.StartsWith("unknown property", StringComparison.Ordinal)
                    ? positions.LocateProperty(violation.Pointer)
                    : positions.Locate(violation.Pointer);
                var message = explain?.Invoke(violation, document.RootElement) ?? violation.Message;
                return new LocatedError(path, line, column, message + At(violation.Pointer));
            })
            .ToList();
        document.Dispose();
        return (null, null, errors);
    }

    /// <summary>The value a JSON pointer names, or null when the document has none there.</summary>
    public static JsonElement? Resolve(JsonElement root, string pointer)
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

    public static string At(string pointer) => pointer.Length == 0 ? "" : $" (at {pointer})";

    private static (JsonDocument?, JsonPositionMap?, IReadOnlyList<LocatedError>) Fail(LocatedError error) => (null, null, [error]);

    /// <summary>System.Text.Json appends its own "LineNumber: .. | BytePositionInLine: .." which our location already says.</summary>
    /// <summary>A JSON syntax error at its line and column, as every input file reports it: <c>invalid JSON: ...</c>.</summary>
    /// <param name="lead">What the message starts with, e.g. <c>invalid JSON (a WireMock mapping file is JSON)</c>.</param>
    public static LocatedError SyntaxError(string path, JsonException exception, string lead = "invalid JSON") =>
        new(
            path,
            (int)(exception.LineNumber ?? -1) + 1,
            (int)(exception.BytePositionInLine ?? -1) + 1,
            $"{lead}: {SyntaxMessage(exception)}"
        );

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
}
