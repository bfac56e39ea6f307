using CallHooks.Conformance.Reporting.Html;
using CallHooks.Conformance.Reporting.Json;
using CallHooks.Conformance.Reporting.JUnit;
using CallHooks.Conformance.Reporting.Markdown;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Reporting;

/// <summary>Writes every report file of a run into one directory.</summary>
internal static class ReportSet
{
    public const string ResultsJson = "results.json";

    public const string JUnitXml = "junit.xml";

    public const string ReportHtml = "report.html";

    public const string ReportMarkdown = "report.md";

    private static readonly IReadOnlyList<(string File, Action<RunResult, Stream> Write)> Writers =
    [
        (ResultsJson, ResultsJsonWriter.Write),
        (JUnitXml, JUnitWriter.Write),
        (ReportHtml, HtmlReportWriter.Write),
        (ReportMarkdown, MarkdownReportWriter.Write),
    ];

    /// <summary>
    /// Writes results.json, junit.xml, report.html and report.md into <paramref name="directory"/>, creating it. Never throws: each
    /// writer is isolated and its failure recorded, because losing junit.xml must not also cost results.json.
    /// </summary>
    public static IReadOnlyList<ReportOutcome> WriteAll(RunResult result, string directory) => WriteAll(result, directory, Writers);

    internal static IReadOnlyList<ReportOutcome> WriteAll(
        RunResult result,
        string directory,
        IReadOnlyList<(string File, Action<RunResult, Stream> Write)> writers
    )
    {
        var outcomes = new List<ReportOutcome>(writers.Count);
        foreach (var (file, write) in writers)
        {
            var path = Path.Combine(directory, file);
            try
            {
                // Per writer, so a directory that cannot be created is reported against every file.
                Directory.CreateDirectory(directory);
                AtomicFile.Write(path, stream => write(result, stream));
                outcomes.Add(new ReportOutcome(path, null));
            }
            catch (Exception exception)
            {
                outcomes.Add(new ReportOutcome(path, $"{exception.GetType().Name}: {exception.Message}"));
            }
        }

        return outcomes;
    }
}
