using System.Text;
using System.Text.RegularExpressions;

namespace CallHooks.Conformance.Reporting.Html;

/// <summary>
/// The report page as fixed text with named holes (<c>{{name}}</c>). The template, stylesheet and script are
/// embedded resources kept as ordinary .html/.css/.js files, so they can be read and edited as what they are.
/// Holes are filled in one pass over the template: text put into a hole is never searched for holes again.
/// </summary>
internal sealed partial class HtmlTemplate
{
    private readonly IReadOnlyList<(string Text, string? Hole)> parts;

    private HtmlTemplate(IReadOnlyList<(string Text, string? Hole)> parts) => this.parts = parts;

    public static HtmlTemplate Page { get; } = Parse(Resource("report.template.html"));

    public static string Stylesheet { get; } = Resource("report.css");

    public static string Script { get; } = Resource("report.js");

    /// <summary>The hole names in template order.</summary>
    public IEnumerable<string> Holes => parts.Where(part => part.Hole is not null).Select(part => part.Hole!);

    public static HtmlTemplate Parse(string template)
    {
        var parts = new List<(string, string?)>();
        var position = 0;
        foreach (Match hole in HolePattern().Matches(template))
        {
            parts.Add((template[position..hole.Index], null));
            parts.Add(("", hole.Groups[1].Value));
            position = hole.Index + hole.Length;
        }

        parts.Add((template[position..], null));
        return new HtmlTemplate(parts);
    }

    /// <summary>Writes the page, asking <paramref name="fill"/> to write each hole; an unknown hole name is a bug and throws.</summary>
    public void Write(Stream output, Action<string, Stream> fill)
    {
        foreach (var (text, hole) in parts)
        {
            if (hole is null)
                output.Write(Encoding.UTF8.GetBytes(text));
            else
                fill(hole, output);
        }
    }

    private static string Resource(string name)
    {
        var assembly = typeof(HtmlTemplate).Assembly;
        var resource = "CallHooks.Conformance.Reporting.Html." + name;
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource '{resource}' is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        // Line ends are normalised so the page and its CSP hashes are the same whichever way git checked it out.
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\{\{([a-z]+)\}\}")]
    private static partial Regex HolePattern();
}
