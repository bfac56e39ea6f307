using System.Text;
using System.Text.Json.Nodes;
using CallHooks.Conformance.Calls;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Providers.Twilio;

/// <summary>
/// Twilio Programmable Voice status callbacks: one request per subscribed call progress event (initiated,
/// ringing, answered, completed), form-encoded POST by default, GET with the parameters in the query string, or a
/// JSON body bound to the URL by <c>bodySHA256</c>. With <c>--secret AUTH_TOKEN</c> every request carries
/// <c>X-Twilio-Signature</c>; with <c>--basic</c> the first attempt goes without credentials and the runner
/// resends after a 401 challenge, as Twilio does.
/// </summary>
public sealed class TwilioProfile : IProviderProfile
{
    public const string ProfileName = "twilio";

    public string Name => ProfileName;

    public string Description => "Twilio Voice status callbacks: CallStatus per call progress event, X-Twilio-Signature with --secret";

    /// <summary>Twilio waits 15 s for a callback's response (connect 5 s, read 15 s).</summary>
    public TimeSpan TimeBudget => TimeSpan.FromSeconds(15);

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

    public string CallId(Call call) => TwilioSids.CallSid(call);

    public WebhookRequest Build(StepContext context, WebhookConfig config)
    {
        var parameters = StatusCallbackParameters.For(context);
        var method = config.Method ?? DefaultMethod;
        var encoding = config.Encoding ?? DefaultEncoding;
        // With --sign the secret is the signing scheme's key, not an auth token.
        var authToken = config.Sign is null ? config.Secret : null;

        WebhookRequest request;
        IReadOnlyList<KeyValuePair<string, string>> signedForm = [];
        if (method == "GET")
        {
            request = new WebhookRequest { Method = method, Url = FormUrlEncoding.AppendQuery(config.Target, parameters) };
        }
        else if (encoding == "json")
        {
            var json = new JsonObject();
            foreach (var (name, value) in parameters)
                json[name] = value;
            var body = Encoding.UTF8.GetBytes(PayloadJson.Serialize(json));
            var url = FormUrlEncoding.AppendQuery(config.Target, [KeyValuePair.Create(TwilioSignature.BodyHashParameter, TwilioSignature.BodyHash(body))]);
            request = new WebhookRequest { Method = method, Url = url, ContentType = "application/json", Body = body };
        }
        else
        {
            var body = Encoding.UTF8.GetBytes(FormUrlEncoding.Encode(parameters));
            request = new WebhookRequest { Method = method, Url = config.Target, ContentType = "application/x-www-form-urlencoded", Body = body };
            signedForm = parameters;
        }

        if (authToken is not null)
        {
            request = request with
            {
                Headers = [KeyValuePair.Create(TwilioSignature.Header, TwilioSignature.Compute(authToken, TwilioSignature.SignedUrl(request.Url), signedForm))],
                SecretValues = [authToken],
            };
        }

        // Twilio has no custom headers; Basic goes on the request and the runner strips it from the first attempt.
        return WebhookAuth.Apply(config with { Headers = [] }, request);
    }
}
