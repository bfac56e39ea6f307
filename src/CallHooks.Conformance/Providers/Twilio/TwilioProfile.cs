using System.Text;
using System.Text.Json.Nodes;
using CallHooks.Conformance.Calls;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Providers.Twilio;

/// <summary>
/// Twilio Programmable Voice status callbacks: one request per subscribed call progress event (initiated,
/// ringing, answered, completed), form-encoded POST by default, GET with the parameters in the query string, or a
/// JSON body bound to the URL by <c>bodySHA256</c>. Twilio signs every request with the account's auth token, so every
/// request carries <c>X-Twilio-Signature</c>: signed with <c>--secret AUTH_TOKEN</c>, or else with the documented
/// <see cref="TestAuthToken"/>, which the run prints. With <c>--basic</c> the first attempt goes without credentials
/// and the runner resends after a 401 challenge, as Twilio does.
/// </summary>
internal sealed class TwilioProfile : IProviderProfile
{
    public const string ProfileName = "twilio";

    /// <summary>
    /// The auth token requests are signed with when the run is given none: published in docs/providers/twilio.md and
    /// printed by every run that uses it, so a listener built on Twilio's own validator is testable out of the box. Not a
    /// secret, hence shown, never masked.
    /// </summary>
    public const string TestAuthToken = "callhooks-test-auth-token";

    /// <summary>The auth token this configuration signs with: <c>--secret</c>, unless that is a <c>--sign</c> key, else <see cref="TestAuthToken"/>.</summary>
    public static string AuthToken(WebhookConfig config) => config.Sign is null && config.Secret is { } secret ? secret : TestAuthToken;

    /// <summary>True when the run gave no auth token of its own, so requests are signed with <see cref="TestAuthToken"/>.</summary>
    public static bool SignsWithTestToken(WebhookConfig config) => AuthToken(config) == TestAuthToken;

    public string Name => ProfileName;

    public string Description =>
        "Twilio Voice status callbacks: CallStatus per call progress event, every request signed (X-Twilio-Signature)";

    public Fields.FieldTable Fields => TwilioFieldTable.Table;

    /// <summary>Twilio waits 15 s for a callback's response (connect 5 s, read 15 s).</summary>
    public TimeSpan TimeBudget => TimeSpan.FromSeconds(15);

    /// <summary>Twilio's token for one webhook request, repeated on its retries, so a listener can drop a delivery seen before.</summary>
    public const string IdempotencyTokenHeader = "I-Twilio-Idempotency-Token";

    /// <summary>The User-Agent of Twilio's webhook requests.</summary>
    public const string UserAgent = "TwilioProxy/1.1";

    /// <summary>
    /// twilio-node's <c>webhook()</c> middleware, the way Twilio documents validating requests in Node, answers 400
    /// ("No signature header error") when <c>X-Twilio-Signature</c> is missing and 403 when it does not match
    /// (lib/webhooks/webhooks.js, twilio 6.3.1): a listener built on it refuses correctly.
    /// </summary>
    public Expectations.StatusExpectation Refusals(bool missing) =>
        Expectations.StatusExpectation.Of(missing ? ["400", "401", "403"] : ["401", "403"]);

    /// <summary>One retry, after the 15 s read timeout.</summary>
    public bool UsesSecret => true;

    public IReadOnlyList<TimeSpan> RetrySchedule { get; } = [TimeSpan.FromSeconds(15)];

    public IReadOnlyList<string> Methods { get; } = ["POST", "GET"];

    public IReadOnlyList<string> Encodings { get; } = ["form", "json"];

    public string DefaultMethod => "POST";

    public string DefaultEncoding => "form";

    public IReadOnlyList<ProviderEvent> Events => TwilioEvents.All;

    /// <summary>Twilio's console maps no fields to query parameters: static ones go in the callback URL itself.</summary>
    public IReadOnlyList<MappableField> QueryFields { get; } = [];

    public bool SendsCredentialsAfterChallenge => true;

    public IReadOnlyList<string> Validate(WebhookConfig config)
    {
        var problems = new List<string>();
        if (config.Query.Count > 0)
            problems.Add($"--query: {ProfileName} sends every field itself; put static query parameters in --target");
        if (config.Headers.Count > 0)
            problems.Add($"--header: {ProfileName} status callbacks carry no custom headers; use --basic or --secret");
        foreach (var name in config.Options.Keys)
            problems.Add($"--option {name}: {ProfileName} has no options");
        if (config.Secret is { Length: 0 })
            problems.Add("--secret: the auth token is empty");
        return problems;
    }

    /// <summary>
    /// Twilio's request parameters page gives the geographic lookups only "if available": a listener must cope without
    /// them. The city names are the only free text a status callback carries.
    /// </summary>
    private static readonly PayloadHints CallbackHints = new(
        [
            .. ((string[])["From", "To", "Caller", "Called"]).SelectMany(role =>
                (string[])[role + "City", role + "State", role + "Zip", role + "Country"]
            ),
        ],
        ["FromCity", "ToCity", "CallerCity", "CalledCity"]
    );

    public PayloadHints HintsFor(string eventId) => CallbackHints;

    public string CallId(Call call, WebhookConfig config) => TwilioSids.CallSid(call);

    public WebhookRequest Build(StepContext context, WebhookConfig config)
    {
        var parameters = StatusCallbackParameters.For(context);
        var wire = WireShape.Of(this, config);
        // With --sign the secret is the signing scheme's key, not an auth token.
        var authToken = AuthToken(config);

        WebhookRequest request;
        IReadOnlyList<KeyValuePair<string, string>> signedForm = [];
        if (wire.IsGet)
        {
            request = new WebhookRequest { Method = wire.MethodName, Url = FormUrlEncoding.AppendQuery(config.Target, parameters) };
        }
        else if (wire.Encoding is BodyEncoding.Json)
        {
            var json = new JsonObject();
            foreach (var (name, value) in parameters)
                json[name] = value;
            var body = Encoding.UTF8.GetBytes(PayloadJson.Serialize(json));
            var url = FormUrlEncoding.AppendQuery(
                config.Target,
                [KeyValuePair.Create(TwilioSignature.BodyHashParameter, TwilioSignature.BodyHash(body))]
            );
            request = new WebhookRequest
            {
                Method = wire.MethodName,
                Url = url,
                ContentType = wire.ContentType,
                Body = body,
            };
        }
        else
        {
            var body = Encoding.UTF8.GetBytes(FormUrlEncoding.Encode(parameters));
            request = new WebhookRequest
            {
                Method = wire.MethodName,
                Url = config.Target,
                ContentType = wire.ContentType,
                Body = body,
            };
            signedForm = parameters;
        }

        request = request with
        {
            Headers =
            [
                KeyValuePair.Create(
                    TwilioSignature.Header,
                    TwilioSignature.Compute(authToken, TwilioSignature.SignedUrl(request.Url), signedForm)
                ),
                // Sent by Twilio on every webhook besides the signature (Twilio's webhook documentation, connection
                // overrides); the order of the three is not documented.
                KeyValuePair.Create(IdempotencyTokenHeader, TwilioSids.IdempotencyToken(context.Call, context.Index)),
                KeyValuePair.Create("User-Agent", UserAgent),
            ],
            SecretValues = SignsWithTestToken(config) ? [] : [authToken],
        };

        // Twilio has no custom headers; Basic goes on the request and the runner strips it from the first attempt.
        return WebhookAuth.Apply(config with { Headers = [] }, request);
    }
}
