using System.Text.Json;
using CallHooks.Conformance.Input;
using CallHooks.Conformance.Scenarios.Schema;

namespace CallHooks.Conformance.Recordings;

/// <summary>
/// What a recording file held: its exchanges in time order, the mappings that describe no concrete request (with why),
/// and which format it was (<c>callhooks-recording</c>, <c>har</c>, <c>wiremock-journal</c>, <c>wiremock-mappings</c>).
/// </summary>
internal sealed record RecordingRead(
    IReadOnlyList<RecordedExchange> Exchanges,
    IReadOnlyList<(string Origin, string Why)> Unplaced,
    string Format
);

/// <summary>Reads any recording format callhooks knows, recognising it from the document's shape.</summary>
internal static class RecordingFiles
{
    private const string Known =
        "a callhooks recording (\"format\": \"callhooks-recording\"), a HAR file (\"log\": {\"entries\": [...]}), a WireMock request journal (GET /__admin/requests of WireMock or WireMock.Net) or WireMock mappings";

    /// <summary>
    /// Reads <paramref name="path"/>; invalid JSON, an unknown shape and every missing or mistyped field throw
    /// <see cref="RecordingFormatException"/> with file:line:column. A file that cannot be opened throws the usual I/O exceptions.
    /// </summary>
    public static RecordingRead Read(string path)
    {
        ReadOnlyMemory<byte> utf8 = File.ReadAllBytes(path);
        // A UTF-8 byte order mark, as Windows tools save files, is not JSON; positions count from after it.
        if (utf8.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            utf8 = utf8[3..];
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException exception)
        {
            throw new RecordingFormatException(CheckedJson.SyntaxError(path, exception));
        }

        using (document)
        {
            var root = document.RootElement;
            var positions = JsonPositionMap.Build(utf8.Span);
            var fields = new JsonFields(path, positions);
            if (CallhooksRecording.Is(root))
                return new RecordingRead(CallhooksRecording.Read(path, root, positions), [], CallhooksRecording.Format);
            if (HarFile.Is(root))
                return new RecordingRead(HarFile.Read(root, fields), [], HarFile.Format);
            if (WireMockJournal.Is(root))
                return new RecordingRead(WireMockJournal.Read(root, fields), [], WireMockJournal.Format);
            if (WireMockMapping.Is(root))
            {
                var (exchanges, unplaced) = WireMockMapping.Read(root, fields);
                return new RecordingRead(exchanges, unplaced, WireMockMapping.Format);
            }

            // An empty array is what WireMock.Net's journal answers when nothing arrived.
            if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() == 0)
                return new RecordingRead([], [], WireMockJournal.Format);
            throw new RecordingFormatException(new LocatedError(path, 1, 1, "not a recording callhooks reads; it reads " + Known));
        }
    }
}
