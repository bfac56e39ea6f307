using System.CommandLine;
using System.Globalization;
using CallHooks.Conformance.Listener;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary><c>callhooks serve</c>: run the reference listener standalone until Ctrl-C.</summary>
internal static class ServeCommand
{
    public static Command Create(CliConsole console)
    {
        var port = new Option<string?>("--port") { Description = "Port to listen on (default 8080; 0 picks a free one).", HelpName = "N" };
        var host = new Option<string?>("--host")
        {
            Description = "Address to bind (default 127.0.0.1, loopback only).",
            HelpName = "ADDRESS",
        };
        var header = new Option<string?>("--header")
        {
            Description = "Demand this header on every webhook: \"Name: value\".",
            HelpName = "\"Name: value\"",
        };
        var basic = new Option<string?>("--basic") { Description = "Demand Basic auth user:pass.", HelpName = "USER:PASS" };
        var secret = new Option<string?>("--secret")
        {
            Description =
                "Verify signatures: a Twilio auth token (X-Twilio-Signature on /twilio/), or a whsec_ key (Standard Webhooks, every provider).",
            HelpName = "SECRET",
        };
        var mode = new Option<string?>("--mode")
        {
            Description =
                "strict (default, a correct listener) or a deliberate bug: " + string.Join(", ", ListenerModeNames.All.Skip(1)) + ".",
            HelpName = "MODE",
        };
        var downstream = new Option<string?>("--downstream")
        {
            Description = "POST each finished call as JSON to this URL (the CRM the listener feeds).",
            HelpName = "URL",
        };
        var providerOption = new Option<string[]>("--option")
        {
            Description =
                "Demand myoperator-v2's API key on /myoperator-v2/, set as for callhooks run: api-key=KEY, api-key-in=header|query, api-key-name=NAME; repeatable.",
            HelpName = "NAME=VALUE",
        };
        var maxCalls = new Option<string?>("--max-calls")
        {
            Description =
                $"Keep at most this many calls, across all providers (about 5 KB each; default {Listener.ListenerOptions.DefaultMaxCalls}): a new call beyond them gets 503, so a listener left running holds bounded memory. Restart it to start over.",
            HelpName = "N",
        };
        var panel = new Option<string?>("--panel")
        {
            Description =
                "Serve a panel file's routes, as a CRM with one route per webhook: exactly the webhooks' paths, each with its credentials, refusing events it is not subscribed to.",
            HelpName = "FILE",
        };
        var command = new Command(
            "serve",
            "Run the reference listener: it parses MyOperator webhooks like a real integration and answers 4xx with the reason when they are wrong."
        )
        {
            port,
            host,
            header,
            basic,
            secret,
            mode,
            downstream,
            providerOption,
            maxCalls,
            panel,
        };
        command.SetAction(
            async (parsed, cancellationToken) =>
            {
                var options = Options(
                    parsed.GetValue(port),
                    parsed.GetValue(host),
                    parsed.GetValue(header),
                    parsed.GetValue(basic),
                    parsed.GetValue(secret),
                    parsed.GetValue(mode),
                    parsed.GetValue(downstream),
                    parsed.GetValue(providerOption) ?? [],
                    parsed.GetValue(maxCalls)
                );
                if (parsed.GetValue(panel) is { } panelPath)
                    Routes(options, panelPath, parsed, [header, basic, secret, providerOption], console.Environment);
                if (console.ValidateOnly)
                    return ExitCodes.Passed;
                options.Log = line => console.Out.WriteLine(line);
                await using var listener = await ReferenceListener.StartAsync(options, cancellationToken).ConfigureAwait(false);
                await console
                    .Out.WriteLineAsync(
                        $"reference listener on {listener.BaseUrl}, mode {ListenerModeNames.Name(options.Mode)} (Ctrl-C stops it)"
                    )
                    .ConfigureAwait(false);
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl-C: stop cleanly.
                }

                return ExitCodes.Passed;
            }
        );
        return command;
    }

    /// <summary>--panel: the panel's routes and credentials replace the listener-wide ones, which are then refused.</summary>
    private static void Routes(
        ListenerOptions options,
        string path,
        ParseResult parsed,
        IReadOnlyList<Option> listenerWide,
        Func<string, string?> environment
    )
    {
        var problems = listenerWide
            .Where(option => parsed.GetResult(option) is { Implicit: false })
            .Select(option => $"{option.Name}: the panel file {path} sets each webhook's credentials and options; set them there")
            .ToList();
        var load = PanelOption.Read(path, environment, problems);
        if (problems.Count > 0)
            throw new UsageException(problems);
        options.Routes = PanelListener.Routes(load.Webhooks!, absoluteToo: true);
        options.ProviderOptions = PanelListener.Options(load.Webhooks!);
        options.Secret = PanelListener.ProviderSecret(load.Webhooks!);
    }

    internal static ListenerOptions Options(
        string? port,
        string? host,
        string? header,
        string? basic,
        string? secret,
        string? mode,
        string? downstream,
        string[] providerOptions,
        string? maxCalls = null
    )
    {
        var problems = new List<string>();
        var options = new ListenerOptions
        {
            Port = 8080,
            Host = host ?? "127.0.0.1",
            Secret = secret,
        };
        if (
            secret?.StartsWith(Providers.StandardWebhooks.StandardWebhooksSecret.Prefix, StringComparison.Ordinal) == true
            && Providers.StandardWebhooks.StandardWebhooksSecret.Problem(secret) is { } secretProblem
        )
            problems.Add(secretProblem);
        if (port is not null)
        {
            if (int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 0 and <= 65535)
                options.Port = number;
            else
                problems.Add($"--port '{port}': must be a whole number from 0 to 65535");
        }

        if (!System.Net.IPAddress.TryParse(options.Host, out _) && options.Host != "localhost")
            problems.Add($"--host '{options.Host}': must be an IP address or localhost");
        if (header is not null)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
                problems.Add("--header: expected \"Name: value\" with a colon");
            else
                (options.RequiredHeaderName, options.RequiredHeaderValue) = (header[..colon].Trim(), header[(colon + 1)..].Trim());
        }

        if (basic is not null)
        {
            var colon = basic.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
                problems.Add("--basic: expected user:pass");
            else
                (options.BasicUser, options.BasicPassword) = (basic[..colon], basic[(colon + 1)..]);
        }

        if (maxCalls is not null)
        {
            if (int.TryParse(maxCalls, NumberStyles.None, CultureInfo.InvariantCulture, out var most) && most is >= 1 and <= 10_000_000)
                options.MaxCalls = most;
            else
                problems.Add($"--max-calls '{maxCalls}': must be a whole number from 1 to 10000000");
        }

        Behaviour(options, mode, downstream, problems);
        ProviderSettings(options, providerOptions, problems);
        return problems.Count == 0 ? options : throw new UsageException(problems);
    }

    /// <summary>
    /// --option: the provider settings the listener checks (myoperator-v2's API key, the <c>users</c> reading, ...), each
    /// validated by the profiles' own rules, so what serve demands and what run sends are configured the same way. An
    /// option is accepted when some provider accepts it: the listener reads every provider.
    /// </summary>
    private static void ProviderSettings(ListenerOptions options, string[] texts, List<string> problems)
    {
        if (texts.Length == 0)
            return;
        var settings = RunOptionsParser.ParseProfileOptions(texts, problems);
        var credentials = new Providers.WebhookConfig
        {
            Target = new Uri("http://127.0.0.1/"),
            Basic = options.BasicUser is null ? null : new Providers.BasicCredentials(options.BasicUser, options.BasicPassword ?? ""),
            Headers = options.RequiredHeaderName is null
                ? []
                : [new Providers.HeaderSpec(options.RequiredHeaderName, options.RequiredHeaderValue ?? "")],
        };
        var v2 = Providers.ProviderCatalog.Find(Providers.MyOperatorV2.MyOperatorV2Profile.ProfileName)!;
        // myoperator-v2's API key options depend on each other (api-key-in needs api-key), so they are judged together.
        var v2Problems = v2.Validate(
            credentials with
            {
                Options = settings.Where(o => o.Key.StartsWith("api-key", StringComparison.Ordinal)).ToDictionary(),
            }
        );
        problems.AddRange(v2Problems);
        foreach (var (name, value) in settings.Where(option => !option.Key.StartsWith("api-key", StringComparison.Ordinal)))
        {
            var single = new Providers.WebhookConfig
            {
                Target = credentials.Target,
                Options = new Dictionary<string, string> { [name] = value },
            };
            var verdicts = Providers.ProviderCatalog.All.Select(profile => profile.Validate(single)).ToList();
            if (verdicts.Any(found => found.Count == 0))
                continue;
            // A provider that has the option names what is wrong with the value; otherwise none has it.
            problems.Add(
                verdicts
                    .SelectMany(found => found)
                    .FirstOrDefault(text =>
                        text.StartsWith($"--option {name}={value}", StringComparison.Ordinal)
                        && !text.Contains("no such option", StringComparison.Ordinal)
                    )
                    ?? $"--option {name}={value}: no provider has such an option (callhooks list shows each provider's)"
            );
        }

        options.ProviderOptions = settings;
    }

    /// <summary>--mode and --downstream: what the listener does beyond checking requests.</summary>
    private static void Behaviour(ListenerOptions options, string? mode, string? downstream, List<string> problems)
    {
        if (mode is not null)
        {
            (options.Mode, var problem) = ListenerModeNames.Parse("--mode", mode);
            if (problem is not null)
                problems.Add(problem);
        }

        if (downstream is not null)
        {
            if (
                Uri.TryCreate(downstream, UriKind.Absolute, out var url)
                && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            )
                options.DownstreamUrl = url;
            else
                problems.Add($"--downstream '{downstream}': must be an absolute http or https URL");
        }
    }
}
