using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Scenarios;

namespace CallHooks.Conformance.Expectations;

/// <summary>
/// Judges one observation against a fully resolved expectation. Each failure is a sentence that says what
/// was expected and what came, so a reader needs nothing else to understand it.
/// </summary>
internal static class ExpectationEvaluator
{
    /// <summary>Regular expressions from scenario files get a bounded run time: a listener's body must not hang the harness.</summary>
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    public static IReadOnlyList<string> Evaluate(ExpectationSpec expect, Observation observation)
    {
        if (observation.Failure is { } failure)
            return [$"expected {Describe(expect)}, got no response: {failure.Message} (after {Ms(observation.LatencyMs)})"];

        var response = observation.Response!;
        // Most deliveries pass: the list is made only for a failure.
        List<string>? failures = null;
        var status = expect.Status ?? StatusExpectation.Success;
        if (!status.Accepts(response.Status))
            (failures ??= []).Add($"expected status {status}, got {response.Status}{Reason(response)}");
        if (expect.Within is { } within && observation.LatencyMs > within.TotalMilliseconds)
            (failures ??= []).Add($"expected a response within {DurationText.Format(within)}, took {Ms(observation.LatencyMs)}");
        if (expect.BodyContains is { } needle && !response.Body.Contains(needle, StringComparison.Ordinal))
            (failures ??= []).Add($"expected the body to contain \"{needle}\", got {Excerpt(response.Body)}");
        if (expect.BodyMatches is { } pattern && !Matches(pattern, response.Body))
            (failures ??= []).Add($"expected the body to match /{pattern}/, got {Excerpt(response.Body)}");
        return failures ?? (IReadOnlyList<string>)[];
    }

    // Expectations are immutable, and a load run checks the same few instances for every delivery: each is put into
    // words once. The table holds them weakly, so a conformance run's one-off instances are not kept.
    private static readonly ConditionalWeakTable<ExpectationSpec, string> Descriptions = [];

    /// <summary>The expectation in words, e.g. <c>status 2xx within 5s</c>.</summary>
    public static string Describe(ExpectationSpec expect) => Descriptions.GetValue(expect, Compose);

    private static string Compose(ExpectationSpec expect)
    {
        var words = "status " + (expect.Status ?? StatusExpectation.Success);
        if (expect.Within is { } within)
            words += " within " + DurationText.Format(within);
        if (expect.BodyContains is { } needle)
            words += $" with a body containing \"{needle}\"";
        if (expect.BodyMatches is { } pattern)
            words += $" with a body matching /{pattern}/";
        return words;
    }

    private static bool Matches(string pattern, string body)
    {
        try
        {
            return Regex.IsMatch(body, pattern, RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static string Reason(ObservedResponse response) => response.Reason.Length > 0 ? " " + response.Reason : "";

    private static string Ms(double milliseconds) => milliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";

    private static string Excerpt(string body)
    {
        const int Limit = 200;
        if (body.Length == 0)
            return "an empty body";
        var text = body.Length <= Limit ? body : body[..Limit] + "…";
        return "\"" + text.ReplaceLineEndings(" ") + "\"";
    }
}
