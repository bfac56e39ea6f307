using System.Text;
using CallHooks.Conformance.Calls;
using CallHooks.Conformance.Providers.Readings;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Providers.Acefone;

/// <summary>
/// Acefone trigger webhooks (same platform as Tata Smartflo): one request per subscribed trigger, its body a
/// user-written template of <c>$variables</c>. POST sends it as JSON or as a form body; GET sends the form template as
/// the query string. Custom headers are the only protection: there is no signing and no Basic auth in the panel.
/// </summary>
internal sealed class AcefoneProfile : IProviderProfile
{
    public const string ProfileName = "acefone";

    public string Name => ProfileName;

    /// <summary>The panel binds each webhook to one trigger, with its own URL, method and content type (docs/providers/acefone.md).</summary>
    public bool WebhookPerEvent => true;

    public string Description => "Acefone / Tata Smartflo trigger webhooks: a template of $variables per trigger, IST stamps";

    public Fields.FieldTable Fields => AcefoneFieldTable.Table;

    /// <summary>Acefone retries a failed delivery twice, 30 s and then 10 s later; 30 s is the longest it waits.</summary>
    public TimeSpan TimeBudget => TimeSpan.FromSeconds(30);

    /// <summary>Two retries: after 30 s, then after 10 s more (docs/providers/acefone.md: public CRM code written against real traffic).</summary>
    public IReadOnlyList<TimeSpan> RetrySchedule { get; } = [TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10)];

    public IReadOnlyList<string> Methods { get; } = ["POST", "GET"];

    public IReadOnlyList<string> Encodings { get; } = ["json", "form"];

    public string DefaultMethod => "POST";

    /// <summary>The documented example template and every captured payload are JSON.</summary>
    public string DefaultEncoding => "json";

    public IReadOnlyList<ProviderEvent> Events => Triggers.Events;

    public IReadOnlyList<Reading> Readings => AcefoneReadings.All;

    /// <summary>The panel maps no query parameters: the template is the whole payload.</summary>
    public IReadOnlyList<MappableField> QueryFields { get; } = [];

    public IReadOnlyList<string> Validate(WebhookConfig config)
    {
        var problems = AcefoneSettings.Problems(config.Options).ToList();
        if (config.Query.Count > 0)
            problems.Add(
                "--query: acefone maps no query parameters; put $variables in the --template (GET sends it as the query string) or constants in the --target URL"
            );
        if (config.Basic is not null)
            problems.Add(
                "--basic: acefone's panel has no Basic auth; protect the listener with a secret header (--header \"Name: value\")"
            );
        if (config.Template is not null)
            problems.AddRange(TemplateRules.Problems(config.Template, EncodingOf(config), config.TemplatePath ?? "--template"));
        return problems;
    }

    /// <summary>
    /// Variables the trigger page and live bodies show empty, or as their literal <c>$name</c>, on calls they do not apply
    /// to (a missing one is sent as that literal, as Smartflo does); names and identifiers come from the panel or the CRM.
    /// </summary>
    private static readonly PayloadHints VariableHints = new(
        [
            "ref_id",
            "custom_identifier",
            "campaign_name",
            "campaign_id",
            "digits_dialed",
            "recording_url",
            "queue_name",
            "broadcast_lead_fields",
        ],
        ["answered_agent_name", "custom_identifier", "campaign_name"],
        KeysNote: "the payload's keys are the user's template, so a field reaches the listener only once its $variable is added there"
    );

    public PayloadHints HintsFor(string eventId) => VariableHints;

    public string CallId(Call call, WebhookConfig config) =>
        AcefoneSettings.From(config.Options).CallIdWithNode ? Derived.CallIdWithNode(call) : Derived.CallId(call);

    public WebhookRequest Build(StepContext context, WebhookConfig config)
    {
        var trigger = Triggers.Find(context.Step.Event);
        var values = CallVariables.For(context.Call, trigger, AcefoneSettings.From(config.Options));
        foreach (var (name, value) in context.Step.Set)
            values[name] = value?.DeepClone();
        foreach (var name in context.Step.Unset)
            values.Remove(name);

        var wire = WireShape.Of(this, config);
        var encoding = EncodingOf(config);
        var template = TemplateRules.Trim(config.Template ?? DefaultTemplates.For(encoding));
        var request = wire.IsGet
            ? new WebhookRequest { Method = wire.MethodName, Url = WithQuery(config.Target, TemplateRenderer.Form(template, values)) }
            : new WebhookRequest
            {
                Method = wire.MethodName,
                Url = config.Target,
                ContentType = wire.ContentType,
                Body = Encoding.UTF8.GetBytes(
                    encoding == "json" ? TemplateRenderer.Json(template, values) : TemplateRenderer.Form(template, values)
                ),
            };

        // Custom headers only: Basic credentials are refused by Validate and never sent.
        return WebhookAuth.Apply(config with { Basic = null }, request);
    }

    /// <summary>How the template is rendered: GET carries the form template as its query string, so GET renders the form way.</summary>
    private string EncodingOf(WebhookConfig config) => WireShape.Of(this, config).Encoding is BodyEncoding.Json ? "json" : "form";

    private static Uri WithQuery(Uri target, string query)
    {
        var builder = new UriBuilder(target);
        var existing = builder.Query.TrimStart('?');
        builder.Query = existing.Length == 0 ? query : existing + "&" + query;
        return builder.Uri;
    }
}
