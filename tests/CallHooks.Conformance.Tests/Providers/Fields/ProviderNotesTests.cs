using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Providers.Fields;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Providers.Fields;

/// <summary>
/// docs/providers/&lt;profile&gt;.md carries the profile's readings, sources and field table as the code defines them,
/// so the notes a user reads cannot drift from what is sent. CALLHOOKS_APPROVE=1 rewrites the generated sections.
/// </summary>
public sealed class ProviderNotesTests
{
    private static string Notes => Path.Combine(RepoPaths.Root, "docs", "providers");

    private static IEnumerable<TestCaseData> Profiles() =>
        ProviderCatalog.All.Select(profile => new TestCaseData(profile.Name).SetName("Notes_" + profile.Name));

    [TestCaseSource(nameof(Profiles))]
    public void The_generated_sections_of_the_profiles_notes_match_its_code(string name)
    {
        var path = Path.Combine(Notes, name + ".md");
        Assert.That(File.Exists(path), Is.True, $"{name} has no notes at docs/providers/{name}.md");
        var document = File.ReadAllText(path);
        var regenerated = ProviderNotesMarkdown.Regenerate(document, ProviderCatalog.Find(name)!);
        Assert.That(
            regenerated,
            Is.Not.Null,
            $"docs/providers/{name}.md lacks a marker pair; it needs <!-- generated:X --> and <!-- /generated:X --> for {string.Join(", ", ProviderNotesMarkdown.Sections)}"
        );
        if (Environment.GetEnvironmentVariable("CALLHOOKS_APPROVE") == "1")
            File.WriteAllText(path, regenerated);
        Assert.That(
            document,
            Is.EqualTo(regenerated),
            $"docs/providers/{name}.md is out of date with the code; run the tests with CALLHOOKS_APPROVE=1 and review the diff"
        );
    }

    [Test]
    public void The_index_lists_every_profile_and_cites_no_file_a_user_does_not_have()
    {
        var index = File.ReadAllText(Path.Combine(Notes, "README.md"));
        Assert.That(
            ProviderCatalog
                .All.Where(profile => !index.Contains($"| `{profile.Name}` |", StringComparison.Ordinal))
                .Select(profile => profile.Name),
            Is.Empty
        );
        foreach (var file in Directory.GetFiles(Notes, "*.md"))
            Assert.That(File.ReadAllText(file), Does.Not.Contain("PROVIDERS.md").And.Not.Contain("seeds/"), Path.GetFileName(file));
    }
}
