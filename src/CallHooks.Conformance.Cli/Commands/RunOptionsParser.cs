using System.CommandLine;
using System.Globalization;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Providers.MyOperatorInCall;
using CallHooks.Conformance.Scenarios;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>
/// Validates every option of <c>callhooks run</c> and reports all problems at once, each naming the option
/// and the value, so a user fixes a command line in one go. Nothing is sent unless this succeeds.
/// </summary>
internal static class RunOptionsParser
{
    public static RunSettings Parse(ParseResult parsed, RunOptions options, Func<int> randomSeed, Func<string, string?>? environment = null)
    {
        var problems = new List<string>();
        var (target, providerTargets) = ParseTargets(parsed.GetValue(options.Target) ?? [], problems);
        var panelPath = PanelOption.Path(parsed.GetValue(options.Panel));
        var panel = panelPath is null
            ? null
            : PanelOption.Read(panelPath, environment ?? System.Environment.GetEnvironmentVariable, problems);
        if (panelPath is not null)
            problems.AddRange(
                PanelOption
                    .WebhookOptionsGiven(parsed, options)
                    .Select(name =>
                        $"{name}: the panel file {panelPath} describes each webhook; set it there (or run with --panel none to use the options)"
                    )
            );
        var providers = panel?.Webhooks is { } webhooks
            ? PanelProviders(webhooks, parsed.GetValue(options.Provider) ?? [], panelPath!, problems)
            : ParseProviders(parsed.GetValue(options.Provider) ?? [], problems);
        if (panel?.Webhooks is { } routed && target is not null && routed.All(webhook => webhook.Path is null))
            problems.Add($"--target: every webhook in {panelPath} has an absolute URL; --target is only the base of URLs given as paths");
        var method = parsed.GetValue(options.Method)?.ToUpperInvariant();
        var encoding = parsed.GetValue(options.Encoding)?.ToLowerInvariant();
        var headers = (parsed.GetValue(options.Header) ?? []).Select(text => ParseHeader(text, problems)).OfType<HeaderSpec>().ToList();
        var basic = ParseBasic(parsed.GetValue(options.Basic), problems);
        var secret = parsed.GetValue(options.Secret);
        var sign = ParseSign(parsed.GetValue(options.Sign), secret, problems);
        var templatePath = parsed.GetValue(options.Template);
        var template = ReadTemplate(templatePath, problems);
        var query = (parsed.GetValue(options.Query) ?? []).Select(text => ParseQuery(text, problems)).OfType<QueryMapping>().ToList();
        var profileOptions = ParseProfileOptions(parsed.GetValue(options.ProfileOption) ?? [], problems);
        var seed = ParseSeed(parsed.GetValue(options.Seed), problems) ?? randomSeed();
        var now = ParseNow(parsed.GetValue(options.Now), problems);
        var timeout = ParseDuration("--timeout", parsed.GetValue(options.Timeout), problems);
        var lateWindow = ParseLateWindow(parsed.GetValue(options.LateWindow), problems);
        var parallelism = ParseParallel(parsed.GetValue(options.Parallel), problems);
        var rules = RuleOptionsParser.Parse(parsed, options, problems);
        var listenerMode = Listener.ListenerMode.Strict;
        if (parsed.GetValue(options.ListenerMode) is { } modeName)
        {
            (listenerMode, var modeProblem) = ListenerModeNames.Parse("--listener-mode", modeName);
            if (modeProblem is not null)
                problems.Add(modeProblem);
            else if (target is not null || providerTargets.Count > 0)
                problems.Add("--listener-mode: applies to the embedded listener only; drop --target to use it");
        }

        var downstreamPort = RuleOptionsParser.ParsePort(parsed.GetValue(options.DownstreamPort), problems);
        var crmMappings = ParseCrmMappings(parsed.GetValue(options.DownstreamMappings), problems);
        if (crmMappings.Count > 0)
            downstreamPort ??= 0;
        var trust = TrustOption.Parse(parsed.GetValue(options.Insecure), parsed.GetValue(options.Ca), problems);
        var load = LoadOptionsParser.Parse(parsed, options, problems);

        foreach (var profile in providers)
        {
            if (method is not null && !profile.Methods.Contains(method))
                problems.Add($"--method {method}: {profile.Name} sends {string.Join(" or ", profile.Methods)}");
            if (encoding is not null && !profile.Encodings.Contains(encoding))
                problems.Add($"--encoding {encoding}: {profile.Name} supports {string.Join(" or ", profile.Encodings)}");
        }

        if (method == "GET" && encoding is not null)
            problems.Add($"--encoding {encoding}: GET webhooks carry no body; --encoding applies to POST only");

        var settingsTarget = target ?? new Uri("http://127.0.0.1/");
        var config = new WebhookConfig
        {
            Target = settingsTarget,
            Method = method,
            Encoding = encoding,
            Headers = headers,
            Basic = basic,
            Secret = secret,
            Sign = sign,
            Template = template,
            TemplatePath = templatePath,
            Query = query,
            Options = profileOptions,
        };
        // A panel's webhooks were validated one by one as the file was read.
        foreach (var profile in panelPath is null ? providers : [])
            problems.AddRange(profile.Validate(config));
        // A secret nothing uses would look like protection in the report while sending none.
        foreach (var profile in providers.Where(profile => secret is not null && sign is null && !profile.UsesSecret))
            problems.Add(
                $"--secret: {profile.Name} does not sign webhooks; send the secret as a custom header (--header \"Name: value\") or add --sign standard-webhooks"
            );

        var matrixAxes = MatrixOption.Axes(
            parsed.GetResult(options.Matrix) is not null,
            parsed.GetValue(options.Matrix),
            providers,
            config,
            embedded: target is null && providerTargets.Count == 0,
            problems
        );
        var matrixExclusions = MatrixOption.Exclusions(parsed.GetValue(options.MatrixExclude) ?? [], problems);
        if (matrixAxes is null && matrixExclusions.Count > 0)
            problems.Add("--matrix-exclude: applies to --matrix only");
        // Each provider's configuration labels, worked out once: for the checks here and the known-failures ids below.
        var sweptLabels = matrixAxes is null
            ? null
            : providers.ToDictionary(
                profile => profile.Name,
                profile =>
                    Running
                        .Sweep.ConfigurationSweep.Expand(profile, config, matrixAxes, matrixExclusions, 0)
                        .Select(cell => cell.Label)
                        .ToList()
            );
        foreach (var (provider, labels) in sweptLabels ?? [])
        {
            if (labels.Count == 0)
                problems.Add($"--matrix-exclude: leaves no configuration of {provider} to play");
        }
        if (matrixAxes is not null && panelPath is not null)
            problems.Add(
                $"--matrix: sweeps the command line's one webhook; with a panel file ({panelPath}) each webhook is one configuration already"
            );
        if (matrixAxes is not null && load is not null)
            problems.Add("--matrix: a load run plays one configuration; sweep with a conformance run");

        var scenarios = ScenarioSelection.Select(
            parsed.GetValue(options.Scenarios),
            providers,
            parsed.GetValue(options.Scenario) ?? [],
            problems
        );

        var baseline = BaselineOptions.Baseline(parsed.GetValue(options.Baseline), scenarios, problems);
        var cells = scenarios
            .SelectMany(scenario =>
                sweptLabels is null
                    ? [Reporting.Comparison.Cell.Id(scenario.Provider, scenario.Name, null)]
                    : sweptLabels[scenario.Provider].Select(label => Reporting.Comparison.Cell.Id(scenario.Provider, scenario.Name, label))
            )
            .ToList();
        var known = BaselineOptions.Known(parsed.GetValue(options.KnownFailures), cells, problems);
        var latencyRegression = BaselineOptions.LatencyRegression(parsed.GetValue(options.LatencyRegression), problems);
        if (parsed.GetValue(options.LatencyRegression) is not null && baseline is null)
            problems.Add("--latency-regression: applies to --baseline only");

        foreach (var named in providerTargets.Keys.Where(name => providers.All(profile => profile.Name != name)))
            problems.Add(
                $"--target {named}=...: the run plays no {named} scenario; its providers: {string.Join(", ", providers.Select(p => p.Name))}"
            );
        if (providerTargets.Count > 0 && target is null)
            foreach (var profile in providers.Where(profile => !providerTargets.ContainsKey(profile.Name)))
                problems.Add($"--target: no URL for {profile.Name}; add --target {profile.Name}=URL or a bare --target URL for the others");
        if (providerTargets.Count > 0 && panelPath is not null)
            problems.Add($"--target NAME=URL: the webhooks of {panelPath} have their own URLs");

        var signatureTime = parsed.GetValue(options.SignatureTime);
        if (signatureTime is not (null or "real" or "call"))
            problems.Add($"--signature-time '{signatureTime}': use real or call");
        else if (signatureTime is not null && sign is null)
            problems.Add("--signature-time: applies to --sign only; nothing is signed with a timestamp");

        if (problems.Count > 0)
            throw new UsageException(problems);
        return new RunSettings
        {
            SignWithCallTime = signatureTime == "call",
            Target = target,
            ProviderTargets = providerTargets,
            Scenarios = scenarios,
            Panel = panel?.Webhooks,
            PanelPath = panelPath,
            MatrixAxes = matrixAxes,
            MatrixExclusions = matrixExclusions,
            Baseline = baseline,
            Known = known,
            LatencyRegressionPercent = latencyRegression,
            PanelWarnings = panel?.Warnings.Select(warning => warning.ToString()).ToList() ?? [],
            Method = method,
            Encoding = encoding,
            Headers = headers,
            Basic = basic,
            Secret = secret,
            Sign = sign,
            Template = template,
            TemplatePath = templatePath,
            Query = query,
            ProfileOptions = profileOptions,
            Seed = seed,
            Now = now,
            Timeout = timeout,
            LateWindow = lateWindow,
            OutDirectory = parsed.GetValue(options.Out),
            Parallelism = parallelism,
            Rules = rules,
            ListenerMode = listenerMode,
            DownstreamPort = downstreamPort,
            CrmMappings = crmMappings,
            Trust = trust,
            Load = load,
        };
    }

    /// <summary>
    /// Each <c>--target</c>: a bare URL (at most one, for every provider without its own), or <c>NAME=URL</c> for one
    /// provider. A URL whose text before '=' is not a provider's name is a bare URL (query strings hold '=' too).
    /// </summary>
    private static (Uri? Target, Dictionary<string, Uri> ProviderTargets) ParseTargets(string[] texts, List<string> problems)
    {
        Uri? bare = null;
        var named = new Dictionary<string, Uri>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? text[..equals] : null;
            if (name is not null && ProviderCatalog.Find(name) is not null)
            {
                if (ParseTarget(text[(equals + 1)..], problems) is { } url && !named.TryAdd(name, url))
                    problems.Add($"--target {name}=...: given twice");
            }
            else if (
                name is not null
                && !name.Contains("://", StringComparison.Ordinal)
                && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            )
                problems.Add($"--target {name}=...: unknown provider; known: {string.Join(", ", ProviderCatalog.All.Select(p => p.Name))}");
            else if (bare is not null)
                problems.Add("--target: give one bare URL (the others as NAME=URL, one per provider)");
            else
                bare = ParseTarget(text, problems);
        }

        return (bare, named);
    }

    public static Uri? ParseTarget(string? text, List<string> problems)
    {
        if (text is null)
            return null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            problems.Add($"--target '{text}': not an http or https URL (e.g. http://127.0.0.1:8080/webhook)");
            return null;
        }

        if (uri.UserInfo.Length > 0)
        {
            problems.Add("--target: credentials in the URL are not sent by providers; use --basic user:pass");
            return null;
        }

        return uri;
    }

    private static List<IProviderProfile> ParseProviders(string[] names, List<string> problems)
    {
        if (names.Length == 0)
            return [ProviderCatalog.Find(MyOperatorInCallProfile.ProfileName)!];
        var profiles = new List<IProviderProfile>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            if (ProviderCatalog.Find(name) is { } profile)
                profiles.Add(profile);
            else
                problems.Add($"--provider '{name}': unknown provider; known: {string.Join(", ", ProviderCatalog.All.Select(p => p.Name))}");
        }

        return profiles;
    }

    /// <summary>With a panel file, the providers are its webhooks' (all, or those <c>--provider</c> names, each of which must have one).</summary>
    private static List<IProviderProfile> PanelProviders(
        IReadOnlyList<Panels.PanelWebhook> webhooks,
        string[] names,
        string panelPath,
        List<string> problems
    )
    {
        var inPanel = webhooks.Select(webhook => webhook.Provider).Distinct(StringComparer.Ordinal).ToList();
        foreach (var name in names.Where(name => !inPanel.Contains(name)))
            problems.Add($"--provider '{name}': {panelPath} has no webhook for it; its providers: {string.Join(", ", inPanel)}");
        return (names.Length == 0 ? inPanel : inPanel.Where(names.Contains)).Select(name => ProviderCatalog.Find(name)!).ToList();
    }

    internal static HeaderSpec? ParseHeader(string text, List<string> problems)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            problems.Add($"--header '{HeaderName(text)}': expected \"Name: value\" with a colon");
            return null;
        }

        var name = text[..colon].Trim();
        var value = text[(colon + 1)..].Trim();
        if (HeaderRules.NameProblem(name) is { } badName)
            problems.Add("--header: " + badName);
        else if (HeaderRules.Problem(name, value) is { } problem)
            problems.Add("--header " + problem);
        else
            return new HeaderSpec(name, value);
        return null;
    }

    /// <summary>Only the part before any colon is echoed: the rest of a malformed header may be a secret.</summary>
    private static string HeaderName(string text) => text.Length <= 40 ? text.Split(' ', '=')[0] : text[..40].Split(' ', '=')[0] + "…";

    internal static BasicCredentials? ParseBasic(string? text, List<string> problems)
    {
        if (text is null)
            return null;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            problems.Add("--basic: expected user:pass (a user name, a colon, then the password)");
            return null;
        }

        return new BasicCredentials(text[..colon], text[(colon + 1)..]);
    }

    /// <summary>Signing schemes that apply to any profile.</summary>
    public static readonly IReadOnlyList<string> SigningSchemes = ["standard-webhooks"];

    private static string? ParseSign(string? text, string? secret, List<string> problems)
    {
        if (text is null)
            return null;
        if (!SigningSchemes.Contains(text))
            problems.Add($"--sign '{text}': unknown signing scheme; known: {string.Join(", ", SigningSchemes)}");
        else if (secret is null)
            problems.Add($"--sign {text}: needs --secret (a whsec_ key)");
        else if (Providers.StandardWebhooks.StandardWebhooksSecret.Problem(secret) is { } problem)
            problems.Add(problem);
        return text;
    }

    /// <summary>Templates are small text files; a larger one is a wrong path, not a template.</summary>
    private const int MaxTemplateBytes = 64 * 1024;

    /// <summary>
    /// The template's text, read within its size limit whatever the file claims (a pipe or a device is refused); a
    /// leading byte-order mark, as Windows editors save, is not part of the template.
    /// </summary>
    private static string? ReadTemplate(string? path, List<string> problems)
    {
        if (path is null)
            return null;
        var (bytes, problem) = Input.BoundedFile.Read(path, MaxTemplateBytes, "a template");
        if (bytes is not null)
            return System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        problems.Add($"--template {path}: {problem}");
        return null;
    }

    private static QueryMapping? ParseQuery(string text, List<string> problems)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == text.Length - 1)
        {
            problems.Add($"--query '{text}': expected name=field, e.g. caller_number=clid");
            return null;
        }

        var name = text[..equals];
        if (!name.All(character => char.IsAsciiLetterOrDigit(character) || character is '_' or '-' or '.'))
        {
            problems.Add(
                $"--query '{text}': the name may hold letters, digits, '_', '-' and '.' only (the panel does not allow URL-encoded names)"
            );
            return null;
        }

        return new QueryMapping(name, text[(equals + 1)..]);
    }

    internal static Dictionary<string, string> ParseProfileOptions(string[] texts, List<string> problems)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                problems.Add($"--option '{text}': expected name=value");
            else
                result[text[..equals]] = text[(equals + 1)..];
        }

        return result;
    }

    private static int? ParseSeed(string? text, List<string> problems)
    {
        if (text is null)
            return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
            return seed;
        problems.Add($"--seed '{text}': must be a whole number from 0 to {int.MaxValue}");
        return 0;
    }

    /// <summary>
    /// The instants <c>--now</c> may name. Providers' ids carry epoch seconds in ten decimal digits (MyOperator's uid,
    /// Smartflo's call id) or eight hex digits (Smartflo's uuid, a PHP uniqid, which runs out in February 2106); this
    /// range keeps every generated value in the shapes providers send.
    /// </summary>
    internal static readonly DateTimeOffset EarliestNow = new(2001, 9, 9, 1, 46, 40, TimeSpan.Zero);

    internal static readonly DateTimeOffset LatestNow = new(2106, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset? ParseNow(string? text, List<string> problems)
    {
        if (text is null)
            return null;
        if (
            !text.Contains('T', StringComparison.Ordinal)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var now)
        )
        {
            problems.Add($"--now '{text}': not an ISO-8601 instant; use e.g. 2026-01-15T09:30:00Z");
            return null;
        }

        if (now < EarliestNow || now > LatestNow)
        {
            problems.Add(
                $"--now '{text}': outside the supported range {EarliestNow.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)} to {LatestNow.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)} "
                    + "(providers' ids carry epoch seconds in ten decimal or eight hex digits)"
            );
            return null;
        }

        return now.ToUniversalTime();
    }

    /// <summary>Zero is allowed (no late reading); more than 10 minutes is a typo or a run that never ends.</summary>
    private static TimeSpan? ParseLateWindow(string? text, List<string> problems)
    {
        if (text is null)
            return null;
        if (text == "0")
            return TimeSpan.Zero;
        if (DurationText.TryParse(text, out var value, out var problem) && value >= TimeSpan.Zero && value <= TimeSpan.FromMinutes(10))
            return value;
        problems.Add($"--late-window: {(problem.Length > 0 ? problem : $"'{text}' must be from 0 to 10m")}");
        return null;
    }

    internal static TimeSpan? ParseDuration(string option, string? text, List<string> problems)
    {
        if (text is null)
            return null;
        if (DurationText.TryParse(text, out var value, out var problem) && value > TimeSpan.Zero)
            return value;
        problems.Add($"{option}: {(problem.Length > 0 ? problem : $"'{text}' must be longer than zero")}");
        return null;
    }

    private static int ParseParallel(string? text, List<string> problems)
    {
        if (text is null)
            return 4;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 256)
            return value;
        problems.Add($"--parallel '{text}': must be a whole number from 1 to 256");
        return 1;
    }

    private static IReadOnlyList<CrmMapping> ParseCrmMappings(string? path, List<string> problems)
    {
        if (path is null)
            return [];
        try
        {
            return CrmMappings.Load(path);
        }
        catch (UsageException e)
        {
            problems.AddRange(e.Problems);
            return [];
        }
    }
}
