using CallHooks.Conformance.Panels;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>
/// <c>--panel FILE</c>: the panel file a run plays, or ./callhooks.json found in the working folder, or none. With a
/// panel file the file describes every webhook, so the options that describe the command line's one webhook are refused
/// rather than silently ignored.
/// </summary>
internal static class PanelOption
{
    public const string None = "none";

    /// <summary>The options that describe the one webhook of the command line, by name, with whether the run gave them.</summary>
    public static IEnumerable<string> WebhookOptionsGiven(System.CommandLine.ParseResult parsed, RunOptions options) =>
        new (string Name, bool Given)[]
        {
            ("--method", parsed.GetValue(options.Method) is not null),
            ("--encoding", parsed.GetValue(options.Encoding) is not null),
            ("--header", parsed.GetValue(options.Header) is { Length: > 0 }),
            ("--basic", parsed.GetValue(options.Basic) is not null),
            ("--secret", parsed.GetValue(options.Secret) is not null),
            ("--sign", parsed.GetValue(options.Sign) is not null),
            ("--template", parsed.GetValue(options.Template) is not null),
            ("--query", parsed.GetValue(options.Query) is { Length: > 0 }),
            ("--option", parsed.GetValue(options.ProfileOption) is { Length: > 0 }),
        }
            .Where(option => option.Given)
            .Select(option => option.Name);

    /// <summary>The panel file to read: the one named, ./callhooks.json when present, or null.</summary>
    public static string? Path(string? given) =>
        given switch
        {
            None => null,
            null => File.Exists(PanelFile.DefaultName) ? PanelFile.DefaultName : null,
            _ => given,
        };

    /// <summary>Reads the panel; its errors join the run's problems as file:line:column lines.</summary>
    public static PanelLoad Read(string path, Func<string, string?> environment, List<string> problems)
    {
        var load = PanelFile.Load(path, environment);
        problems.AddRange(load.Errors.Select(error => error.ToString()));
        return load;
    }
}
