using System.Text.Json.Nodes;
using CallHooks.Conformance.Calls;
using CallHooks.Conformance.Providers.Readings;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Providers.MyOperatorInCall;

/// <summary>
/// MyOperator "Calling Webhooks" v1, In-Call: one request per call state. GET carries only the mapped query
/// parameters; POST adds the call log, as the form field <c>myoperator</c> (a JSON string) or as a JSON body
/// <c>{"myoperator": {...}}</c>.
/// </summary>
internal sealed class MyOperatorInCallProfile : IProviderProfile
{
    public const string ProfileName = "myoperator-incall";
    public const string ClidOption = "clid";
    public const string UsersOption = "users";

    public string Name => ProfileName;

    public string Description => "MyOperator In-Call webhooks (v1): one request per call state, call log in the 'myoperator' field";

    public Fields.FieldTable Fields => InCallFieldTable.Table;

    /// <summary>One help page says a reply slower than 5 s is retried.</summary>
    public TimeSpan TimeBudget => TimeSpan.FromSeconds(5);

    /// <summary>One help page: 3 retries at 30 s intervals, then the delivery is dropped.</summary>
    public IReadOnlyList<TimeSpan> RetrySchedule { get; } = [TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30)];

    public IReadOnlyList<string> Methods { get; } = ["POST", "GET"];

    public IReadOnlyList<string> Encodings { get; } = ["form", "json"];

    public string DefaultMethod => "POST";

    public string DefaultEncoding => "form";

    public IReadOnlyList<ProviderEvent> Events => CallStates.All;

    public IReadOnlyList<MappableField> QueryFields => MyOperatorInCall.QueryFields.All;

    /// <summary>The pages disagree on clid; the sample payload, the closest thing to live bytes, prints the national number.</summary>
    public static readonly Reading ClidReading = new(
        ClidOption,
        "Does clid carry the country code?",
        [
            new("national", "clid \"9711636496\": the ten-digit national number", InCallSources.Sample),
            new("e164", "clid \"+919711636496\": E.164 with the plus", InCallSources.FieldList),
        ],
        "national",
        "the page's sample call log prints the national number; its field table describes E.164"
    );

    /// <summary>The sample and the overview print a JSON list of agent numbers; the field table says "comma separated agent ids".</summary>
    public static readonly Reading UsersReading = new(
        UsersOption,
        "Is users a JSON list or a comma-separated string?",
        [
            new("array", "users [\"916618270032\"]: a JSON list of agent numbers", $"{InCallSources.Sample}, {InCallSources.Overview}"),
            new("comma", "users \"916618270032,917012345678\": one string, agent numbers separated by commas", InCallSources.FieldList),
        ],
        "array",
        "the page's sample call log and the overview's JSON body both print a list; only the field table's prose says comma separated"
    );

    public IReadOnlyList<Reading> Readings { get; } = [ClidReading, UsersReading];

    public IReadOnlyList<string> Validate(WebhookConfig config)
    {
        var problems = new List<string>();
        foreach (var mapping in config.Query.Where(mapping => !MyOperatorInCall.QueryFields.IsKnown(mapping.Field)))
            problems.Add(
                $"--query {mapping.Name}={mapping.Field}: '{mapping.Field}' is not a {ProfileName} field; 'callhooks list' shows them"
            );
        foreach (var name in config.Options.Keys.Where(name => !ReadingOptions.Names(Readings, name) && name != FieldSelection.Option))
            problems.Add(
                $"--option {name}: {ProfileName} has no such option (it has: {ReadingOptions.Usage(Readings)}, {FieldSelection.Option}=FIELD,...)"
            );
        problems.AddRange(ReadingOptions.Problems(Readings, config.Options));
        problems.AddRange(FieldSelection.Problems(config.Options));
        return problems;
    }

    /// <summary>
    /// The field table calls reference_id OBD-only, job_id nullable, client_ref_id and public_ivr_id present only when
    /// the client or an IVR set them: a listener must cope without them. client_ref_id is opaque client text.
    /// </summary>
    public static PayloadHints LogHints { get; } = new(["reference_id", "job_id", "client_ref_id", "public_ivr_id"], ["client_ref_id"]);

    /// <summary>Every In-Call event carries the same log, so every event takes the same hints.</summary>
    public PayloadHints HintsFor(string eventId) => LogHints;

    public string CallId(Call call, WebhookConfig config) => CallLog.Uid(call);

    public WebhookRequest Build(StepContext context, WebhookConfig config)
    {
        var clidStyle = ClidReading.Is(config.Options, "e164") ? ClidStyle.E164 : ClidStyle.National;
        var wire = WireShape.Of(this, config);
        var selected = FieldSelection.Of(config.Options);
        var usersAsList = UsersReading.Is(config.Options, "comma");
        var edited = context.Step.Set.Count > 0 || context.Step.Unset.Count > 0;
        // The log as an object only when something reads, edits or selects it; otherwise it goes straight to bytes.
        var log = edited || config.Query.Count > 0 || selected is not null || usersAsList ? Edited(context, clidStyle, usersAsList) : null;
        var query = config
            .Query.Select(mapping =>
                KeyValuePair.Create(mapping.Name, MyOperatorInCall.QueryFields.Value(mapping.Field, context.Call, log!))
            )
            .ToList();
        if (selected is not null && log is not null)
        {
            foreach (var field in log.Select(pair => pair.Key).Where(field => !selected.Contains(field)).ToList())
                log.Remove(field);
        }

        // Without edits, selection or query mappings the log is never an object: the call's prepared pieces make the body.
        var body = wire.Encoding switch
        {
            BodyEncoding.None => ReadOnlyMemory<byte>.Empty,
            BodyEncoding.Json => log is null
                ? CallLogBody.Render(context, clidStyle, form: false)
                : PayloadJson.Write(log, static (json, log) =>
                {
                    json.WriteStartObject();
                    json.WritePropertyName("myoperator");
                    log.WriteTo(json);
                    json.WriteEndObject();
                }),
            _ => log is null
                ? CallLogBody.Render(context, clidStyle, form: true)
                : FormUrlEncoding.Field("myoperator"u8, PayloadJson.SerializeToUtf8(log)),
        };

        return WebhookAuth.Apply(
            config,
            new WebhookRequest
            {
                Method = wire.MethodName,
                Url = FormUrlEncoding.AppendQuery(config.Target, query),
                ContentType = wire.ContentType,
                Body = body,
            }
        );
    }

    private static JsonObject Edited(StepContext context, ClidStyle clidStyle, bool usersAsList)
    {
        var log = CallLog.For(context.Call, context.Step.Event, clidStyle);
        // The comma reading: the generated list as one string, before the scenario's own edits apply.
        if (usersAsList && log["users"] is JsonArray users)
            log["users"] = string.Join(',', users.Select(user => user!.GetValue<string>()));
        foreach (var (field, value) in context.Step.Set)
            log[field] = value?.DeepClone();
        foreach (var field in context.Step.Unset)
            log.Remove(field);
        return log;
    }
}
