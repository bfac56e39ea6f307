using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Scenarios;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>A validated <c>callhooks run</c>: nothing here can be wrong any more, only the listener can.</summary>
internal sealed record RunSettings
{
    /// <summary>The listener URL, or null to start the embedded reference listener (or when every provider has its own).</summary>
    public Uri? Target { get; init; }

    /// <summary><c>--target NAME=URL</c>: providers sent to a URL of their own instead of <see cref="Target"/>.</summary>
    public IReadOnlyDictionary<string, Uri> ProviderTargets { get; init; } = new Dictionary<string, Uri>(StringComparer.Ordinal);

    public required IReadOnlyList<Scenario> Scenarios { get; init; }

    /// <summary>The panel file's webhooks (<c>--panel</c>, or ./callhooks.json); null when the options describe the one webhook.</summary>
    public IReadOnlyList<Panels.PanelWebhook>? Panel { get; init; }

    /// <summary>The run <c>--baseline</c> names, read; null without one.</summary>
    public Reporting.Comparison.RunSnapshot? Baseline { get; init; }

    /// <summary><c>--known-failures</c>, read and checked against the run's cells; null without one.</summary>
    public Reporting.Comparison.KnownFailures? Known { get; init; }

    /// <summary><c>--latency-regression</c> in percent.</summary>
    public double LatencyRegressionPercent { get; init; } = 20;

    /// <summary>The axes <c>--matrix</c> sweeps; null for a run of one configuration.</summary>
    public IReadOnlySet<string>? MatrixAxes { get; init; }

    /// <summary><c>--matrix-exclude</c>: cells matching all pairs of one of these are not played.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> MatrixExclusions { get; init; } = [];

    /// <summary>Where <see cref="Panel"/> was read from, as the user named it.</summary>
    public string? PanelPath { get; init; }

    /// <summary>What the panel file should change but the run goes on with (a literal secret), as file:line:column lines.</summary>
    public IReadOnlyList<string> PanelWarnings { get; init; } = [];

    public required string? Method { get; init; }

    public required string? Encoding { get; init; }

    public required IReadOnlyList<HeaderSpec> Headers { get; init; }

    public BasicCredentials? Basic { get; init; }

    public string? Secret { get; init; }

    public string? Sign { get; init; }

    /// <summary>True with <c>--signature-time call</c>: signatures carry the event's call time instead of the real clock's.</summary>
    public bool SignWithCallTime { get; init; }

    public string? Template { get; init; }

    public string? TemplatePath { get; init; }

    public required IReadOnlyList<QueryMapping> Query { get; init; }

    public required IReadOnlyDictionary<string, string> ProfileOptions { get; init; }

    public required int Seed { get; init; }

    public DateTimeOffset? Now { get; init; }

    public TimeSpan? Timeout { get; init; }

    /// <summary><c>--late-window</c>: how long to keep reading after a timeout; null for the default, zero for none.</summary>
    public TimeSpan? LateWindow { get; init; }

    public string? OutDirectory { get; init; }

    public required int Parallelism { get; init; }

    public required Rules.RuleOptions Rules { get; init; }

    /// <summary>The embedded listener's mode (<c>--listener-mode</c>); strict unless asked otherwise.</summary>
    public Listener.ListenerMode ListenerMode { get; init; } = Listener.ListenerMode.Strict;

    /// <summary>The mock CRM's port, or null when none is hosted.</summary>
    public int? DownstreamPort { get; init; }

    /// <summary>The WireMock mappings the mock CRM answers with (<c>--downstream-mappings</c>); none answers 200 to all.</summary>
    public IReadOnlyList<CrmMapping> CrmMappings { get; init; } = [];

    /// <summary>Which server certificates an https target may present (<c>--insecure</c>, <c>--ca FILE</c>).</summary>
    public Delivery.TlsTrust Trust { get; init; } = Delivery.TlsTrust.System;

    /// <summary>Set when <c>--calls</c> or <c>--duration</c> asks for a load run.</summary>
    public LoadSettings? Load { get; init; }

    public WebhookConfig ConfigFor(Uri target) =>
        new()
        {
            Target = target,
            Method = Method,
            Encoding = Encoding,
            Headers = Headers,
            Basic = Basic,
            Secret = Secret,
            Sign = Sign,
            Template = Template,
            TemplatePath = TemplatePath,
            Query = Query,
            Options = ProfileOptions,
        };
}
