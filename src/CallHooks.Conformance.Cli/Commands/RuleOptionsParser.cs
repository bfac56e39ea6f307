using System.CommandLine;
using System.Globalization;
using CallHooks.Conformance.Expectations;
using CallHooks.Conformance.Rules;
using CallHooks.Conformance.Scenarios;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>Validates the rule options of <c>callhooks run</c>: --suite, --auth-reject, --fast, --verify-url, --verify-field, --downstream-port.</summary>
internal static class RuleOptionsParser
{
    public static RuleOptions Parse(ParseResult parsed, RunOptions options, List<string> problems)
    {
        var rules = new RuleOptions();
        if (parsed.GetValue(options.Suite) is { } suite)
        {
            var suites = suite switch
            {
                "all" => Enum.GetValues<RuleSuite>().ToHashSet(),
                _ when Enum.TryParse<RuleSuite>(suite, ignoreCase: true, out var one) && suite.All(char.IsAsciiLetterLower) =>
                    new HashSet<RuleSuite> { RuleSuite.Core, one },
                _ => null,
            };
            if (suites is null)
                problems.Add($"--suite '{suite}': use core, security, robustness or all");
            else
                rules = rules with { Suites = suites };
        }

        if (parsed.GetValue(options.AuthReject) is { } codes)
        {
            var terms = codes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var bad = terms.FirstOrDefault(term => !StatusExpectation.TryParseTerm(term, out _, out _));
            if (terms.Length == 0 || bad is not null)
                problems.Add($"--auth-reject '{codes}': use status codes or classes separated by commas, e.g. 401,403");
            else if (terms.Any(term => StatusExpectation.Of([term]).Accepts(200)))
                problems.Add($"--auth-reject '{codes}': a 2xx would accept forged requests; use 4xx codes");
            else
                rules = rules with { AuthReject = StatusExpectation.Of(terms) };
        }

        if (parsed.GetValue(options.Fast) is { } fast)
        {
            if (DurationText.TryParse(fast, out var value, out var problem) && value > TimeSpan.Zero)
                rules = rules with { Fast = value };
            else
                problems.Add($"--fast: {(problem.Length > 0 ? problem : $"'{fast}' must be longer than zero")}");
        }

        if (parsed.GetValue(options.RetrySpeedup) is { } speedup)
        {
            if (
                double.TryParse(speedup, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var factor)
                && factor is >= 1 and <= 10_000_000
            )
                rules = rules with { RetrySpeedup = factor };
            else
                problems.Add($"--retry-speedup '{speedup}': must be a number from 1 (real time) to 10000000");
        }

        if (parsed.GetValue(options.VerifyUrl) is { } verify)
        {
            var probe = verify.Replace("{uid}", "n1.1.1", StringComparison.Ordinal);
            if (!verify.Contains("{uid}", StringComparison.Ordinal))
                problems.Add($"--verify-url '{verify}': must contain {{uid}}, where the call id goes");
            else if (RunOptionsParser.ParseTarget(probe, []) is null)
                problems.Add($"--verify-url '{verify}': not an http or https URL");
            else
                rules = rules with { VerifyUrl = verify };
        }

        var fields = ParseVerifyFields(parsed.GetValue(options.VerifyField) ?? [], problems);
        if (fields.Count > 0 && rules.VerifyUrl is null && parsed.GetValue(options.VerifyUrl) is null)
            problems.Add("--verify-field: names fields of the record --verify-url reads; add --verify-url URL with {uid}");
        return rules with { VerifyFields = fields };
    }

    /// <summary><c>caller=$.client_number</c>: one of the facts the rules compare, and a JSON path they can read.</summary>
    internal static List<Rules.Records.RecordField> ParseVerifyFields(string[] texts, List<string> problems)
    {
        var fields = new List<Rules.Records.RecordField>();
        foreach (var text in texts)
        {
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? text : text[..equals];
            if (equals <= 0 || !Rules.Records.RecordField.Names.Contains(name))
                problems.Add(
                    $"--verify-field '{text}': expected NAME=PATH with NAME one of {string.Join(", ", Rules.Records.RecordField.Names)}, e.g. caller=$.client_number"
                );
            else if (Rules.Records.RecordField.PathProblem(text[(equals + 1)..]) is { } problem)
                problems.Add($"--verify-field {name}: '{text[(equals + 1)..]}' is not a JSON path we read: {problem}");
            else if (fields.Any(field => field.Name == name))
                problems.Add($"--verify-field {name}: given twice; a record keeps each fact in one place");
            else
                fields.Add(new Rules.Records.RecordField(name, text[(equals + 1)..]));
        }

        return fields;
    }

    public static int? ParsePort(string? text, List<string> problems, string option = "--downstream-port")
    {
        if (text is null)
            return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 0 and <= 65535)
            return port;
        problems.Add($"{option} '{text}': must be a whole number from 0 to 65535");
        return null;
    }
}
