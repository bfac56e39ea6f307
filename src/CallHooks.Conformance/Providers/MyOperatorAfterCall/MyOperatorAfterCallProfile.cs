using System.Text;
using CallHooks.Conformance.Calls;
using CallHooks.Conformance.Providers.MyOperatorInCall;
using CallHooks.Conformance.Providers.Readings;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Providers.MyOperatorAfterCall;

/// <summary>
/// MyOperator "Calling Webhooks" v1, After-Call: one POST per finished call, form field <c>myoperator</c> holding
/// the short-key log. A scenario may first send the call's In-Call states (events "1".."9", built by the In-Call
/// profile from the same call, so they share its uid) and then <c>after-call</c>, whose <c>_pm</c> carries that
/// uid as <c>ky=ui</c>: the correlation a CRM joins on.
/// </summary>
internal sealed class MyOperatorAfterCallProfile : IProviderProfile
{
    public const string ProfileName = "myoperator-aftercall";
    public const string AfterCallEvent = "after-call";
    public const string SlashesOption = "slashes";

    private static readonly MyOperatorInCallProfile InCall = new();

    public string Name => ProfileName;

    public string Description =>
        "MyOperator After-Call log (v1): one form POST per finished call with short keys; optionally preceded by its In-Call states";

    public Fields.FieldTable Fields => AfterCallFieldTable.Table;

    /// <summary>As for In-Call: a reply slower than 5 s is retried.</summary>
    public TimeSpan TimeBudget => TimeSpan.FromSeconds(5);

    /// <summary>The same v1 webhook service: 3 retries at 30 s intervals.</summary>
    public IReadOnlyList<TimeSpan> RetrySchedule { get; } = [TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30)];

    /// <summary>The After-Call log is documented as a form POST only; its in-call events go the same way.</summary>
    public IReadOnlyList<string> Methods { get; } = ["POST"];

    public IReadOnlyList<string> Encodings { get; } = ["form"];

    public string DefaultMethod => "POST";

    public string DefaultEncoding => "form";

    public IReadOnlyList<ProviderEvent> Events { get; } =
    [.. CallStates.All, new(AfterCallEvent, "the After-Call log, sent once the call has finished")];

    /// <summary>The panel's In-Call webhook is one setting that takes every call state.</summary>
    public const string InCallGroup = "in-call";

    public IReadOnlyDictionary<string, IReadOnlyList<string>> EventGroups { get; } =
        new Dictionary<string, IReadOnlyList<string>> { [InCallGroup] = CallStates.All.Select(state => state.Id).ToList() };

    public IReadOnlyList<MappableField> QueryFields => AfterCallQueryFields.Fields;

    /// <summary>The sample escapes every slash as <c>\/</c> (PHP json_encode's default); JSON parsers read both alike, naive string code does not.</summary>
    public static readonly Reading SlashesReading = new(
        SlashesOption,
        "Are slashes in the After-Call log escaped?",
        [
            new("escaped", "\"_fu\":\"http:\\/\\/...\": every / written as \\/", AfterCallSources.Sample),
            new("plain", "\"_fu\":\"http://...\": slashes as they are", Providers.Fields.Source.AssumptionId),
        ],
        "escaped",
        "the page's sample log escapes every slash, as PHP's json_encode does by default"
    );

    public IReadOnlyList<Reading> Readings { get; } = [MyOperatorInCallProfile.ClidReading, SlashesReading];

    public IReadOnlyList<string> Validate(WebhookConfig config)
    {
        var problems = new List<string>();
        foreach (var mapping in config.Query.Where(mapping => !AfterCallQueryFields.IsKnown(mapping.Field)))
            problems.Add(
                $"--query {mapping.Name}={mapping.Field}: '{mapping.Field}' is not a {ProfileName} field; 'callhooks list' shows them"
            );
        foreach (var name in config.Options.Keys.Where(name => !ReadingOptions.Names(Readings, name)))
            problems.Add($"--option {name}: {ProfileName} has no such option (it has: {ReadingOptions.Usage(Readings)})");
        problems.AddRange(ReadingOptions.Problems(Readings, config.Options));
        return problems;
    }

    /// <summary>
    /// The key table has _ri only on OBD calls, _ji null, _ivid only after an IVR and _cri only when the CRM placed the call;
    /// the sample's _fn and _fu are null on calls without a recording. _cri is the CRM's own text, _dn the panel's name
    /// for a department. The In-Call events before it take In-Call's hints.
    /// </summary>
    private static readonly PayloadHints LogHints = new(["_ri", "_ji", "_ivid", "_cri", "_fn", "_fu"], ["_cri", "_dn"]);

    public PayloadHints HintsFor(string eventId) => eventId == AfterCallEvent ? LogHints : InCall.HintsFor(eventId);

    public string CallId(Call call, WebhookConfig config) => CallLog.Uid(call);

    public WebhookRequest Build(StepContext context, WebhookConfig config)
    {
        if (context.Step.Event != AfterCallEvent)
            return InCall.Build(context, InCallConfig(config));

        var log = AfterCallLog.For(context.Call);
        foreach (var (field, value) in context.Step.Set)
            log[field] = value?.DeepClone();
        foreach (var field in context.Step.Unset)
            log.Remove(field);

        var json = PayloadJson.Serialize(log);
        // MyOperator's sample escapes every slash as \/ (PHP json_encode's default). Outside strings JSON has no
        // slash, so escaping all of them is exactly that; JSON parsers read \/ as /. "plain" sends them unescaped.
        if (SlashesReading.Is(config.Options, "escaped"))
            json = json.Replace("/", "\\/", StringComparison.Ordinal);

        var query = config
            .Query.Select(mapping => KeyValuePair.Create(mapping.Name, AfterCallQueryFields.Value(mapping.Field, context.Call)))
            .ToList();
        return WebhookAuth.Apply(
            config,
            new WebhookRequest
            {
                Method = WireShape.Of(this, config).MethodName,
                Url = FormUrlEncoding.AppendQuery(config.Target, query),
                ContentType = "application/x-www-form-urlencoded",
                Body = FormUrlEncoding.Field("myoperator"u8, Encoding.UTF8.GetBytes(json)),
            }
        );
    }

    /// <summary>The same panel for the In-Call states: short-key mappings become the In-Call fields with the same values.</summary>
    private static WebhookConfig InCallConfig(WebhookConfig config) =>
        config with
        {
            Query = config.Query.Select(mapping => mapping with { Field = AfterCallQueryFields.InCallField(mapping.Field) }).ToList(),
            Options = config.Options.Where(option => option.Key == MyOperatorInCallProfile.ClidOption).ToDictionary(StringComparer.Ordinal),
        };
}
