using CallHooks.Conformance.Providers;
using static CallHooks.Conformance.Tests.Providers.Acefone.AcefoneKit;

namespace CallHooks.Conformance.Tests.Providers.Acefone;

/// <summary>Configuration problems acefone reports before anything is sent, each a sentence naming the option.</summary>
public sealed class AcefoneValidationTests
{
    [Test]
    public void The_default_configuration_and_both_time_zones_are_valid()
    {
        Assert.That(Profile.Validate(Config()), Is.Empty);
        Assert.That(Profile.Validate(Config(options: new Dictionary<string, string> { ["timezone"] = "utc" })), Is.Empty);
        Assert.That(Profile.Validate(Config("GET", null, "a=$uuid&b=$call_id")), Is.Empty);
    }

    [TestCase("timezone", "PST", "--option timezone=PST: use IST (UTC+05:30, the default) or UTC")]
    [TestCase(
        "obd-direction",
        "dialer (outbound)",
        "--option obd-direction=dialer (outbound): not a reading of obd-direction; use dialer or outbound (default dialer)"
    )]
    [TestCase("uuid", "per-trigger", "--option uuid=per-trigger: not a reading of uuid; use per-call or per-leg (default per-call)")]
    [TestCase(
        "clid",
        "e164",
        "--option clid: acefone has no such option (it has: timezone=IST|UTC, uuid=per-call|per-leg, call-id=node-prefix|plain, numbers=live|cdr, billsec=seconds|empty, c2c-ref-id=empty|uuid, obd-direction=dialer|outbound)"
    )]
    public void Bad_options_are_named(string name, string value, string expected) =>
        Assert.That(Profile.Validate(Config(options: new Dictionary<string, string> { [name] = value })), Is.EqualTo(new[] { expected }));

    [TestCase(
        "POST",
        "json",
        "uuid=$uuid",
        "--template: POST JSON needs a JSON object template such as {\"caller\":\"$caller_id_number\"}; for key=$variable pairs use --encoding form or --method GET"
    )]
    [TestCase(
        "POST",
        "form",
        "{\"a\":\"$uuid\"}",
        "--template: a JSON template needs --encoding json (POST); for form bodies and GET query strings write key=$variable pairs joined by &"
    )]
    [TestCase(
        "GET",
        null,
        "{\"a\":\"$uuid\"}",
        "--template: a JSON template needs --encoding json (POST); for form bodies and GET query strings write key=$variable pairs joined by &"
    )]
    [TestCase("POST", "json", "{\"a\":\"$uuid\",}", "--template: not valid JSON once its $variables are filled in: ")]
    [TestCase("POST", "json", "{\"a\":$uuid $call_id}", "--template: not valid JSON once its $variables are filled in: ")]
    [TestCase(
        "POST",
        "form",
        "a=$uuid&oops",
        "--template: 'oops' is not a key=value pair; a form template is key=$variable pairs joined by &"
    )]
    [TestCase(
        "POST",
        "form",
        "a=$uuid&b=hello world",
        "--template: a form template is one line without spaces (key=$variable pairs joined by &); percent-encode literal spaces as %20"
    )]
    [TestCase(
        "POST",
        "json",
        "  \n",
        "--template: the file is empty; write a JSON object such as {\"caller\":\"$caller_id_number\"} or key=$variable pairs such as caller=$caller_id_number"
    )]
    [TestCase(
        "POST",
        "json",
        "{\"a\":\"US$5\"}",
        "--template: uses none of acefone's variables ($uuid, $call_id, $call_to_number, $caller_id_number, ...), so every request would carry only literal text"
    )]
    public void Bad_templates_are_explained(string method, string? encoding, string template, string expected)
    {
        var problems = Profile.Validate(Config(method, encoding, template));
        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0], Does.StartWith(expected));
    }

    [Test]
    public void A_variable_the_profile_does_not_know_is_refused_where_it_stands_with_the_closest_known_names()
    {
        const string template = "{\n  \"caller\": \"$caller_id_number\",\n  \"cause\": \"$hangup_cause_ky\", \"x\": \"$zzzz\"\n}\n";
        var problems = Profile.Validate(Config(template: template) with { TemplatePath = "templates/smartflo.json" });
        Assert.That(
            problems,
            Is.EqualTo(
                new[]
                {
                    "templates/smartflo.json:3:13: $hangup_cause_ky is not a variable acefone fills in; did you mean $hangup_cause_key? (callhooks list --fields acefone lists them all)",
                    "templates/smartflo.json:3:38: $zzzz is not a variable acefone fills in (callhooks list --fields acefone lists them all)",
                }
            )
        );
    }

    [Test]
    public void Every_variable_live_smartflo_bodies_offer_is_known()
    {
        var template =
            "{"
            + string.Join(
                ",",
                new[]
                {
                    "answer_agent_number",
                    "hangup_cause_key",
                    "hangup_cause_code",
                    "hangup_cause_description",
                    "aws_call_recording_identifier",
                    "broadcast_lead_fields",
                    "queue_name",
                    "recording_name",
                    "agent_transfer_ring_time",
                }.Select(name => $"\"{name}\":\"${name}\"")
            )
            + "}";
        Assert.That(Profile.Validate(Config(template: template)), Is.Empty);
    }

    [Test]
    public void Basic_auth_and_query_mapping_are_refused_because_the_panel_has_none()
    {
        var config = Config() with { Basic = new BasicCredentials("u", "p"), Query = [new QueryMapping("n", "clid")], Secret = "s" };
        Assert.That(
            Profile.Validate(config),
            Is.EqualTo(
                new[]
                {
                    "--query: acefone maps no query parameters; put $variables in the --template (GET sends it as the query string) or constants in the --target URL",
                    "--basic: acefone's panel has no Basic auth; protect the listener with a secret header (--header \"Name: value\")",
                }
            )
        );
        Assert.That(
            Profile.Validate(Config() with { Secret = "whsec_x", Sign = "standard-webhooks" }),
            Is.Empty,
            "a generic signing scheme may use the secret"
        );
    }

    [Test]
    public void Custom_headers_are_sent_and_marked_secret_and_basic_is_never_sent()
    {
        var request = Requests("obd-no-answer", Config() with { Basic = new BasicCredentials("u", "p") })[0];
        Assert.That(request.Headers, Is.EqualTo(new[] { KeyValuePair.Create("x-acefone-token", "t0ken") }));
        Assert.That(request.SecretHeaders, Does.Contain("x-acefone-token"));
        Assert.That(request.SecretValues, Does.Contain("t0ken"));
    }
}
