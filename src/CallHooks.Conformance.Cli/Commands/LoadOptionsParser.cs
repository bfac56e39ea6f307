using System.CommandLine;
using System.Globalization;
using CallHooks.Conformance.Running.Load;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>
/// The load options of <c>callhooks run</c>. <c>--calls</c> or <c>--duration</c> switches to load mode and then
/// <c>--rate</c> is required; the other load options without them are a mistake worth naming.
/// </summary>
internal static class LoadOptionsParser
{
    public const int DefaultConcurrency = 100;

    public static LoadSettings? Parse(ParseResult parsed, RunOptions options, List<string> problems)
    {
        var callsText = parsed.GetValue(options.Calls);
        var durationText = parsed.GetValue(options.Duration);
        var rateText = parsed.GetValue(options.Rate);
        var concurrencyText = parsed.GetValue(options.Concurrency);
        var paceText = parsed.GetValue(options.Pace);
        var thresholdTexts = parsed.GetValue(options.Threshold) ?? [];

        if (callsText is null && durationText is null)
        {
            foreach (
                var (name, given) in new[]
                {
                    ("--rate", rateText is not null),
                    ("--concurrency", concurrencyText is not null),
                    ("--pace", paceText is not null),
                    ("--threshold", thresholdTexts.Length > 0),
                }
            )
            {
                if (given)
                    problems.Add($"{name}: applies to load runs only; add --calls N or --duration T");
            }

            return null;
        }

        var calls = ParseWhole("--calls", callsText, 1, 100_000_000, problems);
        var duration = RunOptionsParser.ParseDuration("--duration", durationText, problems);
        var rate = ParseRate(rateText, problems);
        var concurrency = concurrencyText is null
            ? DefaultConcurrency
            : (int)(ParseWhole("--concurrency", concurrencyText, 1, 10_000, problems) ?? 1);
        var pace = ParsePace(paceText, problems);
        if (parsed.GetValue(options.Parallel) is not null)
            problems.Add("--parallel: conformance runs only; a load run caps calls in progress with --concurrency");
        if (parsed.GetValue(options.LateWindow) is not null)
            problems.Add("--late-window: conformance runs only; a load run closes a delivery at its timeout, as the provider does");

        var thresholds = new List<Threshold>();
        foreach (var text in thresholdTexts)
        {
            if (Threshold.TryParse(text, out var threshold, out var problem))
                thresholds.Add(threshold!);
            else
                problems.Add("--threshold " + problem);
        }

        return new LoadSettings
        {
            Calls = calls,
            Duration = duration,
            Rate = rate,
            Concurrency = concurrency,
            Pace = pace,
            Thresholds = thresholds,
        };
    }

    private static long? ParseWhole(string option, string? text, long min, long max, List<string> problems)
    {
        if (text is null)
            return null;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        problems.Add(string.Create(CultureInfo.InvariantCulture, $"{option} '{text}': must be a whole number from {min} to {max}"));
        return null;
    }

    private static double ParseRate(string? text, List<string> problems)
    {
        if (text is null)
        {
            problems.Add("--rate: a load run needs a rate of new calls per second, e.g. --rate 50");
            return 1;
        }

        if (
            double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate)
            && rate is > 0 and <= 1_000_000
        )
            return rate;
        problems.Add($"--rate '{text}': must be a number of calls per second above 0 and at most 1000000 (e.g. 50 or 0.5)");
        return 1;
    }

    private static double ParsePace(string? text, List<string> problems)
    {
        if (text is null)
            return 1;
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pace) && pace is >= 0 and <= 1000)
            return pace;
        problems.Add($"--pace '{text}': must be a factor from 0 to 1000 (0 = no pauses, 1 = as written)");
        return 1;
    }
}
