using System.Net;
using System.Security.Cryptography;
using System.Text;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Reporting.Html;

/// <summary>
/// Writes report.html: one self-contained page (no network, works from file://) made of a fixed template, its
/// stylesheet and script, and the run's data as JSON in a <c>&lt;script type="application/json"&gt;</c>
/// element. The page draws everything from that data with text nodes only, and its Content-Security-Policy
/// lets exactly the embedded script and stylesheet run and nothing load, so listener text can never execute.
/// </summary>
internal static class HtmlReportWriter
{
    public static void Write(RunResult result, Stream output)
    {
        using var data = new MemoryStream();
        ReportData.Write(result, data);
        var css = HtmlTemplate.Stylesheet;
        var script = HtmlTemplate.Script;

        HtmlTemplate.Page.Write(output, (hole, stream) =>
        {
            switch (hole)
            {
                case "title":
                    Text(stream, WebUtility.HtmlEncode(Title(result)));
                    break;
                case "csp":
                    Text(stream, ContentSecurityPolicy(css, script));
                    break;
                case "css":
                    Text(stream, css);
                    break;
                case "script":
                    Text(stream, script);
                    break;
                case "data":
                    HtmlSafeJson.Write(data.GetBuffer().AsSpan(0, (int)data.Length), stream);
                    break;
                default:
                    throw new InvalidOperationException($"report.template.html has an unknown hole {{{{{hole}}}}}.");
            }
        });
        output.Flush();
    }

    internal static string Title(RunResult result) => $"{result.Tool} report: {result.Passed} passed, {result.Failed} failed";

    /// <summary>
    /// default-src 'none' blocks every load (scripts, styles, images, fetches, frames); the inline script and
    /// stylesheet are allowed by hash only, so nothing else could run even if markup ever slipped into the page.
    /// </summary>
    internal static string ContentSecurityPolicy(string css, string script) =>
        $"default-src 'none'; script-src '{Hash(script)}'; style-src '{Hash(css)}'; img-src data:; base-uri 'none'; form-action 'none'";

    private static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static void Text(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));
}
