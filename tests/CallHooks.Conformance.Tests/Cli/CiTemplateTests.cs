using System.Text;
using System.Text.RegularExpressions;
using CallHooks.Conformance.Cli;
using CallHooks.Conformance.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace CallHooks.Conformance.Tests.Cli;

/// <summary>
/// The CI templates in docs/ci cannot drift from the tool: each is read as YAML, and every callhooks command line in it
/// goes through the real command-line parser and validation (nothing is run); each installs the version this
/// repository packs and keeps junit.xml.
/// </summary>
public sealed partial class CiTemplateTests
{
    private static IEnumerable<string> Templates() =>
        Directory.GetFiles(Path.Combine(RepoPaths.Root, "docs", "ci"), "*.yml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    [Test]
    public void There_is_a_template_for_github_gitlab_and_azure() =>
        Assert.That(Templates(), Is.EquivalentTo(new[] { "azure-pipelines.yml", "github-actions.yml", "gitlab-ci.yml" }));

    [TestCaseSource(nameof(Templates))]
    public async Task Every_callhooks_command_in_the_template_is_valid_for_the_real_parser(string template)
    {
        var scripts = Scalars(template).SelectMany(text => text.Split('\n')).Select(line => line.Trim()).ToList();
        var commands = scripts.Where(line => line.StartsWith("callhooks ", StringComparison.Ordinal)).ToList();
        Assert.That(commands, Is.Not.Empty, "the template runs callhooks");

        foreach (var command in commands)
        {
            var args = ShellWords(CiVariable().Replace(command, "example-token")).Skip(1).ToList();
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = await CallhooksApp.RunAsync(args, new CliConsole(output, error) { ValidateOnly = true }, CancellationToken.None);
            Assert.That((exit, error.ToString()), Is.EqualTo((0, "")), command);
        }

        var version = RepoPaths.PackageVersion;
        Assert.That(
            scripts,
            Has.Some.Contains($"dotnet tool install --global CallHooks.Conformance.Cli --version {version}"),
            "installs the version this repository packs"
        );
        Assert.That(string.Join('\n', Scalars(template)), Does.Contain("junit.xml").Or.Contains("reports/callhooks"));
    }

    /// <summary>Every scalar of the YAML document, as YAML reads it (folded blocks joined, quotes removed).</summary>
    private static List<string> Scalars(string template)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(RepoPaths.Root, "docs", "ci", template)))
            yaml.Load(reader);
        var scalars = new List<string>();
        Walk(yaml.Documents[0].RootNode);
        return scalars;

        void Walk(YamlNode node)
        {
            switch (node)
            {
                case YamlScalarNode scalar when scalar.Value is not null:
                    scalars.Add(scalar.Value);
                    break;
                case YamlSequenceNode sequence:
                    foreach (var child in sequence.Children)
                        Walk(child);
                    break;
                case YamlMappingNode mapping:
                    foreach (var (key, value) in mapping.Children)
                    {
                        Walk(key);
                        Walk(value);
                    }

                    break;
            }
        }
    }

    /// <summary>Words as a POSIX shell splits them: single and double quotes group, a backslash escapes.</summary>
    private static List<string> ShellWords(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is { } open)
            {
                if (c == open)
                    quote = null;
                else if (c == '\\' && open == '"' && i + 1 < line.Length)
                    word.Append(line[++i]);
                else
                    word.Append(c);
            }
            else if (c is '"' or '\'')
            {
                (quote, inWord) = (c, true);
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                    words.Add(word.ToString());
                (word, inWord) = (new StringBuilder(), false);
            }
            else
            {
                word.Append(c == '\\' && i + 1 < line.Length ? line[++i] : c);
                inWord = true;
            }
        }

        if (inWord)
            words.Add(word.ToString());
        return words;
    }

    /// <summary>A CI system's secret or variable: GitHub's <c>${{ ... }}</c>, Azure's <c>$(NAME)</c>, a shell's <c>$NAME</c>.</summary>
    [GeneratedRegex(@"\$\{\{[^}]*\}\}|\$\([A-Za-z_][A-Za-z0-9_.]*\)|\$[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex CiVariable();
}
