using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CallHooks.Conformance.Calls;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Providers.Voipappz;

/// <summary>
/// voipappz webhooks: one webhook object per system event, each with a method (GET or POST) and a JSON body.
/// POST sends the body as <c>application/json</c>; GET sends the same fields as query parameters (see
/// <see cref="VoipappzOptions.GetWithBody"/>). A webhook fires only when it is enabled and subscribed to the
/// environment, so events outside <c>--option enabled=</c>/<c>subscribed=</c> are skipped, not sent.
/// Nothing public describes auth or retries: the panel's custom headers and Basic auth are applied as for
/// every profile, and the time budget is the harness's common 5 s.
/// </summary>
internal sealed class VoipappzProfile : IProviderProfile
{
    public const string ProfileName = "voipappz";

    public string Name => ProfileName;

    /// <summary>Each webhook object of the panel fires for one event, with its own URL (docs/providers/voipappz.md).</summary>
    public bool WebhookPerEvent => true;

    public string Description =>
        "voipappz webhooks: Call:Ringing/Answer/Hangup/Reporting and Ivr:Start/End, JSON body; only enabled and subscribed webhooks fire";

    public Fields.FieldTable Fields => VoipappzFieldTable.Table;

    public TimeSpan TimeBudget => TimeSpan.FromSeconds(5);

    public IReadOnlyList<string> Methods { get; } = ["POST", "GET"];

    public IReadOnlyList<string> Encodings { get; } = ["json"];

    public string DefaultMethod => "POST";

    public string DefaultEncoding => "json";

    public IReadOnlyList<ProviderEvent> Events => VoipappzEvents.All;

    public IReadOnlyList<Readings.Reading> Readings => VoipappzReadings.All;

    /// <summary>The body template carries every field; the panel has no query-parameter mapping.</summary>
    public IReadOnlyList<MappableField> QueryFields { get; } = [];

    public IReadOnlyList<string> Validate(WebhookConfig config)
    {
        var problems = new List<string>(VoipappzOptions.Validate(config));
        foreach (var mapping in config.Query)
            problems.Add(
                $"--query {mapping.Name}={mapping.Field}: {ProfileName} has no query-parameter mapping; its body carries every field"
            );
        if (config.Template is not null)
            problems.Add($"--template: {ProfileName} sends its pre-configured body (the panel says not to change it)");
        return problems;
    }

    /// <summary>
    /// The field list and sample show these null until the call reaches them (or on calls that never do); the names
    /// are the panel's and the agents' own text. Every event carries the same fields.
    /// </summary>
    private static readonly PayloadHints EventHints = new(
        [
            "answer_at",
            "user_fullname",
            "extension_username",
            "cause",
            "recording_url",
            "billing_duration",
            "billing_duration_time",
            "queue_disposition",
            "ivr_name",
            "queue_name",
        ],
        ["user_fullname", "did_name", "ivr_name", "queue_name"]
    );

    public PayloadHints HintsFor(string eventId) => EventHints;

    public string CallId(Call call, WebhookConfig config) => VoipappzPayload.Uuid(call);

    public string? SkipReason(StepContext context, WebhookConfig config)
    {
        var options = VoipappzOptions.From(config);
        var id = context.Step.Event;
        if (options.EnabledEvents is { } enabled && !enabled.Contains(id))
            return $"the {id} webhook is not enabled (--option {VoipappzOptions.Enabled}={string.Join(',', enabled.Order(StringComparer.Ordinal))})";
        if (options.SubscribedEvents is { } subscribed && !subscribed.Contains(id))
            return $"the {id} webhook is not subscribed to the environment (--option {VoipappzOptions.Subscribed}={string.Join(',', subscribed.Order(StringComparer.Ordinal))})";
        return null;
    }

    public WebhookRequest Build(StepContext context, WebhookConfig config)
    {
        var options = VoipappzOptions.From(config);
        var payload = VoipappzPayload.For(context.Call, context.Step.Event, options);
        foreach (var (field, value) in context.Step.Set)
            payload[field] = value?.DeepClone();
        foreach (var field in context.Step.Unset)
            payload.Remove(field);
        ApplyDestinationStyle(payload, options);

        var wire = WireShape.Of(this, config);
        var json = Serialize(payload, options);
        var request =
            wire.IsGet && !options.GetWithBody
                ? new WebhookRequest { Method = wire.MethodName, Url = FormUrlEncoding.AppendQuery(config.Target, QueryPairs(payload)) }
                : new WebhookRequest
                {
                    Method = wire.MethodName,
                    Url = config.Target,
                    ContentType = "application/json",
                    Body = Encoding.UTF8.GetBytes(json),
                };
        return WebhookAuth.Apply(config, request);
    }

    /// <summary><c>number</c> and <c>raw</c> both write destination unquoted; only a still-generated digit string is changed.</summary>
    private static void ApplyDestinationStyle(JsonObject payload, VoipappzOptions options)
    {
        if (
            options.DestinationStyle == "string"
            || payload["destination"] is not JsonValue value
            || !value.TryGetValue<string>(out var text)
            || text.Length == 0
            || !text.All(char.IsAsciiDigit)
        )
            return;
        payload["destination"] = long.Parse(text, CultureInfo.InvariantCulture);
    }

    /// <summary>For <c>raw</c>, puts back the leading zero the sample writes before an unquoted number: deliberately invalid JSON.</summary>
    private static string Serialize(JsonObject payload, VoipappzOptions options)
    {
        var json = PayloadJson.Serialize(payload);
        if (options.DestinationStyle != "raw" || payload["destination"] is not JsonValue value || !value.TryGetValue<long>(out var number))
            return json;
        var plain = "\"destination\":" + number.ToString(CultureInfo.InvariantCulture);
        return json.Replace(
            plain + ",",
            "\"destination\":0" + number.ToString(CultureInfo.InvariantCulture) + ",",
            StringComparison.Ordinal
        );
    }

    /// <summary>Every field in body order as text: strings as they are, numbers in JSON notation, null as empty.</summary>
    private static List<KeyValuePair<string, string>> QueryPairs(JsonObject payload) =>
        payload
            .Select(pair =>
                KeyValuePair.Create(
                    pair.Key,
                    pair.Value switch
                    {
                        null => "",
                        JsonValue text when text.GetValueKind() == JsonValueKind.String => text.GetValue<string>(),
                        var other => other.ToJsonString(),
                    }
                )
            )
            .ToList();
}
