using System.CommandLine;
using CallHooks.Conformance.Rules;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary><c>callhooks rules</c>: the conformance rule catalogue.</summary>
internal static class RulesCommand
{
    public static Command Create(CliConsole console)
    {
        var suite = new Option<string?>("--suite")
        {
            Description = "Only the rules of this suite: core, security or robustness.",
            HelpName = "SUITE",
        };
        var command = new Command(
            "rules",
            "List the conformance rules: id, level, suite, what a conforming listener does, why, and the source."
        )
        {
            suite,
        };
        command.SetAction(parsed =>
        {
            var only = parsed.GetValue(suite);
            RuleSuite? filter = null;
            if (only is not null)
            {
                if (!Enum.TryParse<RuleSuite>(only, ignoreCase: true, out var parsedSuite) || !only.All(char.IsAsciiLetterLower))
                    throw new UsageException($"--suite '{only}': use core, security or robustness");
                filter = parsedSuite;
            }

            foreach (var rule in RuleCatalog.All.Where(rule => filter is null || rule.Suite == filter))
            {
                console.Out.WriteLine($"{rule.Id, -10} {rule.LevelText, -6} {rule.Suite.ToString().ToLowerInvariant(), -10} {rule.Title}");
                console.Out.WriteLine($"{"", -28}judges: {rule.JudgesText}");
                console.Out.WriteLine($"{"", -28}why: {rule.Rationale}");
                console.Out.WriteLine($"{"", -28}source: {rule.Source}");
                if (rule.Providers.Count > 0)
                    console.Out.WriteLine($"{"", -28}providers: {string.Join(", ", rule.Providers)}");
            }

            return ExitCodes.Passed;
        });
        return command;
    }
}
