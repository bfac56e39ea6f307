using System.Text.Json;
using CallHooks.Conformance.Reporting;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Tests.Reporting;

public sealed class ReportSetTests
{
    private string directory = "";

    [SetUp]
    public void CreateDirectory() => directory = Path.Combine(Path.GetTempPath(), "callhooks-reporting-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteDirectory()
    {
        if (Directory.Exists(directory))
            Directory.Delete(directory, recursive: true);
    }

    [Test]
    public void WritesEveryReportIntoANewDirectory()
    {
        var reports = Path.Combine(directory, "nested", "reports");

        var outcomes = ReportSet.WriteAll(RunFixtures.Run(), reports);

        Assert.That(
            outcomes,
            Is.EqualTo(
                new[]
                {
                    new ReportOutcome(Path.Combine(reports, "results.json"), null),
                    new ReportOutcome(Path.Combine(reports, "junit.xml"), null),
                    new ReportOutcome(Path.Combine(reports, "report.html"), null),
                    new ReportOutcome(Path.Combine(reports, "report.md"), null),
                }
            )
        );
        using (var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(reports, "results.json"))))
            Assert.That(json.RootElement.GetProperty("summary").GetProperty("total").GetInt32(), Is.EqualTo(3));
        Assert.That(JUnitSchema.Validate(File.ReadAllBytes(Path.Combine(reports, "junit.xml"))), Is.Empty);
        Assert.That(
            Directory.GetFiles(reports).Select(Path.GetFileName),
            Is.EquivalentTo(new[] { "results.json", "junit.xml", "report.html", "report.md" })
        );
        Assert.That(File.ReadAllText(Path.Combine(reports, "report.html")), Does.StartWith("<!doctype html>"));
        Assert.That(File.ReadAllText(Path.Combine(reports, "report.md")), Does.StartWith("## "));
    }

    [Test]
    public void ReplacesEarlierReports()
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "results.json"), "old");

        var outcomes = ReportSet.WriteAll(RunFixtures.Run(), directory);

        Assert.That(outcomes.All(outcome => outcome.Succeeded), Is.True);
        Assert.That(File.ReadAllText(Path.Combine(directory, "results.json")), Does.StartWith("{"));
    }

    [Test]
    public void A_link_planted_where_a_report_goes_is_replaced_never_followed()
    {
        Directory.CreateDirectory(directory);
        var victim = Path.Combine(directory, "victim.txt");
        File.WriteAllText(victim, "keep me");
        foreach (var report in new[] { "results.json", "junit.xml", "report.html", "report.md" })
            File.CreateSymbolicLink(Path.Combine(directory, report), victim);

        var outcomes = ReportSet.WriteAll(RunFixtures.Run(), directory);

        Assert.That(outcomes.All(outcome => outcome.Succeeded), Is.True);
        Assert.That(File.ReadAllText(victim), Is.EqualTo("keep me"), "the link's target is untouched");
        Assert.That(new FileInfo(Path.Combine(directory, "results.json")).LinkTarget, Is.Null, "a regular file now");
    }

    [Test]
    public void AFailingWriterDoesNotStopTheOther()
    {
        // A directory where junit.xml should go: that file cannot be written, results.json still must be.
        Directory.CreateDirectory(Path.Combine(directory, "junit.xml"));

        var outcomes = ReportSet.WriteAll(RunFixtures.Run(), directory);

        Assert.That(outcomes[0], Is.EqualTo(new ReportOutcome(Path.Combine(directory, "results.json"), null)));
        Assert.That(outcomes[1].File, Is.EqualTo(Path.Combine(directory, "junit.xml")));
        Assert.That(outcomes[1].Error, Is.Not.Null.And.Not.Empty);
        Assert.That(File.Exists(Path.Combine(directory, "results.json")), Is.True);
        Assert.That(TempFiles(), Is.Empty);
    }

    [Test]
    public void AWriterThatThrowsIsRecordedAndTheNextStillRuns()
    {
        var outcomes = ReportSet.WriteAll(
            RunFixtures.Run(),
            directory,
            [
                ("broken.txt", (_, _) => throw new InvalidOperationException("writer bug")),
                ("fine.txt", (_, stream) => stream.Write("fine"u8)),
            ]
        );

        Assert.That(outcomes[0].Error, Is.EqualTo("InvalidOperationException: writer bug"));
        Assert.That(outcomes[1].Error, Is.Null);
        Assert.That(File.Exists(Path.Combine(directory, "broken.txt")), Is.False);
        Assert.That(File.ReadAllText(Path.Combine(directory, "fine.txt")), Is.EqualTo("fine"));
    }

    [Test]
    public void ACrashMidWriteLeavesNoFile()
    {
        var outcomes = ReportSet.WriteAll(RunFixtures.Run(), directory, [("half.json", HalfThenCrash)]);

        Assert.That(outcomes[0].Error, Is.Not.Null);
        Assert.That(File.Exists(Path.Combine(directory, "half.json")), Is.False);
        Assert.That(TempFiles(), Is.Empty);
    }

    [Test]
    public void ACrashMidWriteKeepsThePreviousFileWhole()
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "half.json");
        File.WriteAllText(path, "{\"complete\":true}");

        ReportSet.WriteAll(RunFixtures.Run(), directory, [("half.json", HalfThenCrash)]);

        Assert.That(File.ReadAllText(path), Is.EqualTo("{\"complete\":true}"));
        Assert.That(TempFiles(), Is.Empty);
    }

    [Test]
    public void AnUnusableDirectoryIsReportedForEveryFileWithoutThrowing()
    {
        // A file where the directory should be.
        File.WriteAllText(directory, "not a directory");
        try
        {
            var outcomes = ReportSet.WriteAll(RunFixtures.Run(), directory);

            Assert.That(outcomes, Has.Count.EqualTo(4));
            Assert.That(outcomes, Has.All.Matches<ReportOutcome>(outcome => outcome.Error != null));
        }
        finally
        {
            File.Delete(directory);
        }
    }

    private static void HalfThenCrash(RunResult result, Stream stream)
    {
        stream.Write("{\"scenarios\":["u8);
        stream.Flush();
        throw new IOException("disk full");
    }

    private string[] TempFiles() => Directory.Exists(directory) ? Directory.GetFiles(directory, "*.tmp") : [];
}
