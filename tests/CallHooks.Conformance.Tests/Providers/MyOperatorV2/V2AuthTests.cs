using System.Web;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Running;
using CallHooks.Conformance.Secrets;
using CallHooks.Conformance.Tests.Support;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Tests.Providers.MyOperatorV2;

/// <summary>API key in a header or the query string, Basic, custom headers, static parameters: what the v2 panel offers.</summary>
public sealed class V2AuthTests
{
    private const string Key = "k3y+with/odd=chars";

    private static Dictionary<string, string> Options(params (string Name, string Value)[] options) =>
        options.ToDictionary(option => option.Name, option => option.Value, StringComparer.Ordinal);

    private static WebhookRequest First(WebhookConfig config) => V2Kit.Requests(V2Kit.Scenario("obd-no-answer"), config)[0];

    [Test]
    public void Api_key_goes_in_the_x_api_key_header_by_default_and_is_secret()
    {
        var request = First(V2Kit.Config(Options(("api-key", Key))));
        Assert.That(request.Headers, Does.Contain(KeyValuePair.Create("x-api-key", Key)));
        Assert.That(request.Url.Query, Is.Empty);
        Assert.That(request.SecretHeaders.Contains("X-API-KEY"), Is.True, "secret, matched case-insensitively");
        var record = ScenarioRunner.Record(request);
        Assert.That(record.Headers, Does.Contain(KeyValuePair.Create("x-api-key", "[redacted]")));
    }

    [Test]
    public void Api_key_in_the_query_is_url_encoded_on_the_wire_and_masked_in_the_recorded_url()
    {
        var request = First(V2Kit.Config(Options(("api-key", Key), ("api-key-in", "query"))));
        Assert.That(request.Url.Query, Is.EqualTo("?api_key=k3y%2Bwith%2Fodd%3Dchars"));
        Assert.That(HttpUtility.ParseQueryString(request.Url.Query)["api_key"], Is.EqualTo(Key));
        Assert.That(request.Headers.Select(header => header.Key), Does.Not.Contain("x-api-key"));
        var record = ScenarioRunner.Record(request);
        Assert.That(record.Url, Is.EqualTo("http://127.0.0.1:8080/webhook?api_key=[redacted]"));
    }

    [Test]
    public void A_record_fetch_carries_the_api_key_as_the_webhooks_do()
    {
        // Rule SIDE's GET of the listener's record: the v2 credential is the API key, not Basic or a custom header.
        var profile = ProviderCatalog.Find("myoperator-v2")!;
        var fetch = new WebhookRequest { Method = "GET", Url = new Uri("http://127.0.0.1:8080/calls/abc") };
        var inHeader = profile.Authenticate(fetch, V2Kit.Config(Options(("api-key", Key))));
        var inQuery = profile.Authenticate(
            fetch,
            V2Kit.Config(Options(("api-key", Key), ("api-key-in", "query"))) with
            {
                Target = fetch.Url,
            }
        );
        Assert.That(inHeader.Headers, Does.Contain(KeyValuePair.Create("x-api-key", Key)));
        Assert.That(inQuery.Url.Query, Is.EqualTo("?api_key=k3y%2Bwith%2Fodd%3Dchars"));
        Assert.That(ScenarioRunner.Record(inQuery).Url, Is.EqualTo("http://127.0.0.1:8080/calls/abc?api_key=[redacted]"));

        var inCall = ProviderCatalog.Find("myoperator-incall")!;
        var basic = inCall.Authenticate(fetch, Fixtures.Config() with { Basic = new BasicCredentials("admin", "123456") });
        Assert.That(basic.Headers, Does.Contain(KeyValuePair.Create("Authorization", "Basic YWRtaW46MTIzNDU2")));
    }

    [Test]
    public void Rule_evidence_masks_the_api_key_the_record_fetch_sent()
    {
        // A listener's 401 page or record may quote the key it was sent; evidence is masked with these secrets.
        var profile = ProviderCatalog.Find("myoperator-v2")!;
        var secrets = ObservationRedaction.Secrets(profile, V2Kit.Config(Options(("api-key", Key))));
        Assert.That(secrets, Does.Contain(Key).And.Contain("k3y%2Bwith%2Fodd%3Dchars"));
        Assert.That(Redactor.Text(secrets, $"401: bad x-api-key {Key}"), Is.EqualTo("401: bad x-api-key [redacted]"));
    }

    [Test]
    public void Api_key_name_is_configurable_for_header_and_query()
    {
        var header = First(V2Kit.Config(Options(("api-key", Key), ("api-key-name", "X-CRM-Key"))));
        var query = First(V2Kit.Config(Options(("api-key", Key), ("api-key-in", "query"), ("api-key-name", "token"))));
        Assert.That(header.Headers, Does.Contain(KeyValuePair.Create("X-CRM-Key", Key)));
        Assert.That(HttpUtility.ParseQueryString(query.Url.Query)["token"], Is.EqualTo(Key));
    }

    [Test]
    public void Custom_headers_static_parameters_and_basic_go_on_every_event()
    {
        var config = V2Kit.Config() with
        {
            Headers = [new HeaderSpec("x-tenant", "acme")],
            Basic = new BasicCredentials("admin", "123456"),
            Query = [new QueryMapping("source", "const:myoperator")],
        };
        foreach (var request in V2Kit.Requests(V2Kit.Scenario("incoming-answered"), config))
        {
            Assert.That(request.Headers.Select(header => header.Key), Is.EqualTo(new[] { "x-tenant", "Authorization" }));
            Assert.That(request.Url.Query, Is.EqualTo("?source=myoperator"));
        }
    }

    [Test]
    public void Up_to_ten_custom_headers_pass_and_an_eleventh_is_refused()
    {
        WebhookConfig With(int count) =>
            V2Kit.Config() with
            {
                Headers = Enumerable.Range(1, count).Select(n => new HeaderSpec("x-h" + n, "v")).ToList(),
            };
        Assert.That(V2Kit.Profile.Validate(With(10)), Is.Empty);
        Assert.That(
            V2Kit.Profile.Validate(With(11)),
            Is.EqualTo(new[] { "--header: myoperator-v2 allows at most 10 custom headers, got 11" })
        );
    }

    [Test]
    public void Dynamic_query_fields_are_refused_because_v2_sends_static_parameters_only()
    {
        var config = V2Kit.Config() with { Query = [new QueryMapping("caller", "clid"), new QueryMapping("src", "const:crm")] };
        Assert.That(
            V2Kit.Profile.Validate(config),
            Is.EqualTo(new[] { "--query caller=clid: myoperator-v2 sends static parameters only; use caller=const:VALUE" })
        );
    }

    [Test]
    public void Invalid_api_key_settings_are_each_named_without_repeating_the_key()
    {
        var config = V2Kit.Config(Options(("api-key", Key), ("api-key-in", "body"), ("api-key-name", "bad name"), ("clid", "e164"))) with
        {
            Basic = new BasicCredentials("admin", "123456"),
        };
        var problems = V2Kit.Profile.Validate(config);
        Assert.That(
            problems,
            Is.EqualTo(
                new[]
                {
                    "--option clid: myoperator-v2 has no such option (it has: api-key, api-key-in, api-key-name, no-answer=account|documented, summary-sequence=one|next, disposition-type=call.disposition|disposition)",
                    "--option api-key and --basic: myoperator-v2 authenticates with one method, none, Basic or an API key; choose one",
                    "--option api-key-in=body: use header or query",
                    "--option api-key-name=bad name: not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)",
                }
            )
        );
        Assert.That(string.Join("\n", problems), Does.Not.Contain(Key));
    }

    [Test]
    public void Api_key_placement_options_without_a_key_are_refused()
    {
        Assert.That(
            V2Kit.Profile.Validate(V2Kit.Config(Options(("api-key-in", "query")))),
            Is.EqualTo(new[] { "--option api-key-in: only applies with --option api-key=KEY" })
        );
    }

    [Test]
    public void An_api_key_header_also_given_with_header_is_refused()
    {
        var config = V2Kit.Config(Options(("api-key", Key))) with { Headers = [new HeaderSpec("X-Api-Key", "other")] };
        Assert.That(
            V2Kit.Profile.Validate(config),
            Is.EqualTo(new[] { "--option api-key-name: the API key header 'x-api-key' is also given with --header; send it once" })
        );
    }

    [Test]
    public void The_api_key_option_is_declared_secret() => Assert.That(V2Kit.Profile.SecretOptions, Is.EqualTo(new[] { "api-key" }));
}
