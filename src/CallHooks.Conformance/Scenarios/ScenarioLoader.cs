using System.Text.Json;
using CallHooks.Conformance.Input;
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

    public static (Scenario? Scenario, IReadOnlyList<LocatedError> Errors) LoadFile(string path)
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

    public static (Scenario? Scenario, IReadOnlyList<LocatedError> Errors) Load(string path, ReadOnlyMemory<byte> utf8)
    {
        var (document, positions, errors) = CheckedJson.Parse(path, utf8, Schema.Value, Friendly, allowComments: false);
        if (document is null)
            return (null, errors);
        using (document)
            return ScenarioReader.Read(path, document.RootElement, positions!);
    }

    /// <summary>A duration's regular expression means nothing to a user; say what a duration looks like instead.</summary>
    private static string Friendly(SchemaViolation violation, JsonElement root)
    {
        var isDuration =
            violation.Pointer.EndsWith("/after", StringComparison.Ordinal)
            || violation.Pointer.EndsWith("/within", StringComparison.Ordinal);
        if (!isDuration || !violation.Message.Contains("does not match pattern", StringComparison.Ordinal))
            return violation.Message;
        var text = CheckedJson.Resolve(root, violation.Pointer)?.GetString();
        return DurationText.TryParse(text, out _, out var problem) ? violation.Message : problem;
    }

    private static (Scenario?, IReadOnlyList<LocatedError>) Fail(string path, string message) =>
        (null, [new LocatedError(path, 0, 0, message)]);

    private static JsonSchema LoadSchema()
    {
        using var stream = typeof(ScenarioLoader).Assembly.GetManifestResourceStream("scenario.schema.json")
            ?? throw new InvalidOperationException("scenario.schema.json is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        return JsonSchema.Parse(reader.ReadToEnd());
    }
}
