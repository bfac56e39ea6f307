using CallHooks.Conformance.Reporting.Comparison;

namespace CallHooks.Conformance.Tests.Reporting.Comparison;

/// <summary>Files a comparison cannot use: refused with the file and the field or line that is wrong.</summary>
public sealed class ComparisonInputTests
{
    private static string Write(string text, string name = "results.json")
    {
        var folder = Path.Combine(Path.GetTempPath(), "callhooks-compare-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [TestCase("not json at all", "not JSON")]
    [TestCase("""{"tool":"k6","scenarios":[]}""", "not a callhooks results.json (field \"tool\" is not \"callhooks\")")]
    [TestCase(
        """{"tool":"callhooks","format":2,"scenarios":[]}""",
        "field \"format\" is 2: written by a newer callhooks; this one reads format 1"
    )]
    [TestCase("""{"tool":"callhooks"}""", "field \"scenarios\" is missing or not a list")]
    [TestCase("""{"tool":"callhooks","format":"1","scenarios":[]}""", "field \"format\" is \"1\": written by a newer callhooks")]
    [TestCase("""{"tool":"callhooks","scenarios":[1]}""", "field \"scenarios[0]\" is not an object")]
    [TestCase(
        """{"tool":"callhooks","scenarios":[{"provider":"p","status":"passed"}]}""",
        "field \"scenarios[0].name\" is missing or not text"
    )]
    public void A_results_file_that_cannot_be_compared_names_the_file_and_field(string text, string expected)
    {
        var path = Write(text);
        var exception = Assert.Throws<ComparisonInputException>(() => ResultsFile.Read(path));
        Assert.That(exception!.Message, Does.StartWith(path + ": " + expected));
    }

    [Test]
    public void Odd_values_where_numbers_belong_are_read_past_not_crashed_on()
    {
        var path = Write(
            """{"tool":"callhooks","scenarios":[{"provider":"p","name":"a","status":"passed","deliveries":[1,{"response":{"latencyMs":null}}],"rules":[{"status":"failed"}]}]}"""
        );
        Assert.That(ResultsFile.Read(path).Cells["p/a"].BrokenRules, Is.Empty);
    }

    [Test]
    public void A_run_folder_is_read_through_its_results_json_and_a_folder_without_one_is_named()
    {
        var path = Write("""{"tool":"callhooks","format":1,"scenarios":[{"provider":"p","name":"a","status":"passed"}]}""");
        var empty = Path.GetDirectoryName(Write("x", "other.txt"))!;
        Assert.Multiple(() =>
        {
            Assert.That(ResultsFile.Read(Path.GetDirectoryName(path)!).Cells.Keys, Is.EqualTo(new[] { "p/a" }));
            Assert.That(
                Assert.Throws<ComparisonInputException>(() => ResultsFile.Read(empty))!.Message,
                Is.EqualTo(empty + ": the folder holds no results.json")
            );
        });
    }

    [TestCase("p/a\n", ":1: expected \"ID: why it is known to fail\"")]
    [TestCase("# comment\np/a: why\np/a: again\n", ":3: p/a is listed twice")]
    public void A_known_failures_line_without_a_reason_or_listed_twice_is_refused_with_its_line(string text, string expected)
    {
        var path = Write(text, "known.txt");
        Assert.That(Assert.Throws<ComparisonInputException>(() => KnownFailures.Read(path))!.Message, Does.StartWith(path + expected));
    }

    [Test]
    public void A_known_failures_id_that_names_nothing_is_refused()
    {
        var path = Write("p/a: fine\nCORE-001 p/a: fine\np/typo: oops\n", "known.txt");
        var known = KnownFailures.Read(path);
        Assert.That(
            Assert.Throws<ComparisonInputException>(() => known.Check(["p/a"], ["CORE-001"]))!.Message,
            Does.StartWith(path + ":3: 'p/typo' names no cell of this run")
        );
    }
}
