using CallHooks.Conformance.Input;
using CallHooks.Conformance.Scenarios.Schema;

namespace CallHooks.Conformance.Panels;

/// <summary>
/// Reads a panel file (<c>callhooks.json</c>): JSON with comments, checked against the schema that ships with the tool,
/// then for meaning (providers' events and options, URLs, credentials from the environment). Every problem comes back
/// as <c>file:line:column</c>; a file with any problem yields no webhooks, so nothing is sent.
/// </summary>
internal static class PanelFile
{
    /// <summary>The name <c>callhooks run</c> looks for in the working folder when no <c>--panel</c> is given.</summary>
    public const string DefaultName = "callhooks.json";

    /// <summary>A panel is a page of settings; a larger file is a wrong path.</summary>
    public const int MaxFileBytes = 256 * 1024;

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.Parse(SchemaText()));

    /// <summary>The panel file's JSON Schema, as shipped (<c>callhooks init</c> writes it beside the file for editors).</summary>
    public static string SchemaText()
    {
        using var stream = typeof(PanelFile).Assembly.GetManifestResourceStream("panel.schema.json")
            ?? throw new InvalidOperationException("panel.schema.json is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <param name="environment">Reads an environment variable (<c>env:NAME</c> values); null when it is not set.</param>
    public static PanelLoad Load(string path, Func<string, string?> environment)
    {
        if (Directory.Exists(path))
            return PanelLoad.Failed(new LocatedError(path, 0, 0, "is a directory, not a panel file"));
        if (!File.Exists(path))
            return PanelLoad.Failed(new LocatedError(path, 0, 0, "file not found"));
        var (bytes, problem) = BoundedFile.Read(path, MaxFileBytes, "a panel file");
        return bytes is null ? PanelLoad.Failed(new LocatedError(path, 0, 0, problem!)) : Parse(path, bytes, environment);
    }

    public static PanelLoad Parse(string path, ReadOnlyMemory<byte> utf8, Func<string, string?> environment)
    {
        var (document, positions, errors) = CheckedJson.Parse(path, utf8, Schema.Value, explain: null, allowComments: true);
        if (document is null)
            return new PanelLoad(null, errors, []);
        using (document)
            return PanelReader.Read(path, document.RootElement, positions!, environment);
    }
}
