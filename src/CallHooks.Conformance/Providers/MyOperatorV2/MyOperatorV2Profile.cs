using System.Text;
using CallHooks.Conformance.Calls;
using CallHooks.Conformance.Providers.Readings;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Providers.MyOperatorV2;

/// <summary>
/// MyOperator Webhooks v2 (2025): one JSON POST per call event, in a 12-field envelope with an event-specific
/// payload. Production v2 accepts HTTPS URLs only; the harness also sends to http so that it can test a listener
/// on loopback. Auth is none, Basic, or an API key in a header or the query string; up to 10 custom headers;
/// query parameters are static constants only.
/// </summary>
internal sealed class MyOperatorV2Profile : IProviderProfile
{
    public const string ProfileName = "myoperator-v2";
    public const int MaxCustomHeaders = 10;

    public string Name => ProfileName;

    public string Description => "MyOperator Webhooks v2 (2025): JSON call events in a 12-field envelope, API-key or Basic auth";

    public Fields.FieldTable Fields => V2FieldTable.Table;

    /// <summary>
    /// The v2 pages give a retry schedule (30 s doubling to 2 h, at most 26 attempts over 24 h) but no reply
    /// timeout; they ask for a 200 "immediately". A reply later than the 30 s first retry would already be
    /// duplicated, so the budget is MyOperator's documented 5 s from the same platform's v1 help page.
    /// </summary>
    public TimeSpan TimeBudget => TimeSpan.FromSeconds(5);

    /// <summary>Exponential from 30 s, doubling up to 2 h, 26 attempts over about 24 h (25 retries).</summary>
    public IReadOnlyList<TimeSpan> RetrySchedule { get; } =
        Enumerable.Range(0, 25).Select(retry => TimeSpan.FromSeconds(Math.Min(30 * Math.Pow(2, retry), 7200))).ToList();

    public IReadOnlyList<string> Methods { get; } = ["POST"];

    public IReadOnlyList<string> Encodings { get; } = ["json"];

    public string DefaultMethod => "POST";

    public string DefaultEncoding => "json";

    public IReadOnlyList<ProviderEvent> Events => V2EventTypes.All;

    /// <summary>v2 allows static query parameters only: constants, never call-log fields.</summary>
    public IReadOnlyList<MappableField> QueryFields { get; } =
    [new("const:VALUE", "Static parameter: the constant VALUE (v2 has no dynamic parameters)", "const:crm-a")];

    public IReadOnlyList<string> SecretOptions { get; } = [V2ApiKey.KeyOption];

    public IReadOnlyList<Reading> Readings => V2Readings.All;

    /// <summary>call.end and call.summary carry a leg per agent tried, busy ones included.</summary>
    public bool RendersBusyAgents => true;

    public IReadOnlyList<string> Validate(WebhookConfig config)
    {
        var problems = new List<string>();
        foreach (var mapping in config.Query.Where(mapping => !mapping.Field.StartsWith("const:", StringComparison.Ordinal)))
            problems.Add(
                $"--query {mapping.Name}={mapping.Field}: {ProfileName} sends static parameters only; use {mapping.Name}=const:VALUE"
            );
        if (config.Headers.Count > MaxCustomHeaders)
            problems.Add($"--header: {ProfileName} allows at most {MaxCustomHeaders} custom headers, got {config.Headers.Count}");
        foreach (var name in config.Options.Keys.Where(name => !V2ApiKey.Options.Contains(name) && !ReadingOptions.Names(Readings, name)))
            problems.Add(
                $"--option {name}: {ProfileName} has no such option (it has: {string.Join(", ", V2ApiKey.Options)}, {ReadingOptions.Usage(Readings)})"
            );
        problems.AddRange(ReadingOptions.Problems(Readings, config.Options));
        problems.AddRange(V2ApiKey.Validate(config, ProfileName));
        return problems;
    }

    /// <summary>
    /// call.end and call.summary: the account notes show ref_id and client_ref_id empty on incoming calls, obd_campaign
    /// null off campaigns and recording_filename empty when nothing was recorded; client_ref_id is the CRM's own text.
    /// A disposition's remarks are what the agent typed. The live events carry nothing optional.
    /// </summary>
    private static readonly PayloadHints CallRecordHints = new(
        ["ref_id", "client_ref_id", "obd_campaign", "recording_filename"],
        ["client_ref_id"]
    );

    private static readonly PayloadHints DispositionHints = new(["remarks"], ["remarks"]);

    public PayloadHints HintsFor(string eventId) =>
        eventId switch
        {
            V2EventTypes.End or V2EventTypes.Summary => CallRecordHints,
            V2EventTypes.Disposition => DispositionHints,
            _ => PayloadHints.None,
        };

    public string CallId(Call call, WebhookConfig config) => V2Ids.SessionId(call);

    public WebhookRequest Build(StepContext context, WebhookConfig config)
    {
        var envelope = V2Envelope.For(context, V2Choices.From(config.Options));
        var query = config.Query.Select(mapping => KeyValuePair.Create(mapping.Name, mapping.Field["const:".Length..])).ToList();
        return Authenticate(
            new WebhookRequest
            {
                Method = "POST",
                Url = FormUrlEncoding.AppendQuery(config.Target, query),
                ContentType = "application/json",
                Body = Encoding.UTF8.GetBytes(PayloadJson.Serialize(envelope)),
            },
            config
        );
    }

    /// <summary>Custom headers and Basic, then the panel's API key where it is configured.</summary>
    public WebhookRequest Authenticate(WebhookRequest request, WebhookConfig config)
    {
        var authenticated = WebhookAuth.Apply(config, request);
        return V2ApiKey.From(config.Options) is { } apiKey ? apiKey.Apply(authenticated) : authenticated;
    }
}
