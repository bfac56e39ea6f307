using System.Globalization;
using CallHooks.Conformance.Generation;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Providers.Twilio;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Providers.Twilio;

/// <summary>Field formats and cross-field consistency of the twilio profile's status callbacks.</summary>
public sealed class TwilioProfileTests
{
    private static readonly string[] Scenarios =
    [
        "incoming-answered",
        "incoming-missed",
        "incoming-busy",
        "obd-no-answer",
        "click-to-call-rejected",
        "outbound-answered",
    ];

    [TestCaseSource(nameof(Scenarios))]
    public void Every_callback_has_twilio_formats(string scenario)
    {
        foreach (var form in TwilioTestKit.Forms(scenario))
        {
            Assert.That(form["CallSid"], Does.Match("^CA[0-9a-f]{32}$"));
            Assert.That(form["AccountSid"], Does.Match("^AC[0-9a-f]{32}$"));
            Assert.That(form["From"], Does.Match(@"^\+91[6-9][0-9]{9}$"));
            Assert.That(form["To"], Does.Match(@"^\+91[6-9][0-9]{9}$"));
            Assert.That(form["ApiVersion"], Is.EqualTo("2010-04-01"));
            Assert.That(form["CallbackSource"], Is.EqualTo("call-progress-events"));
            Assert.That(form["Caller"], Is.EqualTo(form["From"]));
            Assert.That(form["Called"], Is.EqualTo(form["To"]));
            Assert.That(form["FromCountry"], Is.EqualTo("IN"));
            Assert.That(
                DateTimeOffset.TryParseExact(
                    form["Timestamp"],
                    "ddd, dd MMM yyyy HH:mm:ss '+0000'",
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal,
                    out _
                ),
                Is.True,
                form["Timestamp"]
            );
        }
    }

    [TestCaseSource(nameof(Scenarios))]
    public void One_call_keeps_its_sids_and_numbers_while_sequence_and_time_advance(string scenario)
    {
        var forms = TwilioTestKit.Forms(scenario);
        Assert.That(forms.Select(form => form["CallSid"]).Distinct().Count(), Is.EqualTo(1));
        Assert.That(
            forms.Select(form => form["AccountSid"] + form["From"] + form["To"] + form["Direction"]).Distinct().Count(),
            Is.EqualTo(1)
        );
        Assert.That(
            forms.Select(form => int.Parse(form["SequenceNumber"], CultureInfo.InvariantCulture)),
            Is.EqualTo(Enumerable.Range(0, forms.Count))
        );
        var times = forms
            .Select(form =>
                DateTimeOffset.ParseExact(
                    form["Timestamp"],
                    "ddd, dd MMM yyyy HH:mm:ss '+0000'",
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal
                )
            )
            .ToList();
        Assert.That(times, Is.Ordered);
        Assert.That(
            forms.Take(forms.Count - 1).Any(form => form.ContainsKey("CallDuration")),
            Is.False,
            "CallDuration only on the completed event"
        );
        Assert.That(forms[^1], Does.ContainKey("CallDuration"));
    }

    [Test]
    public void CallDuration_is_the_talk_time_and_the_completed_timestamp_comes_that_long_after_the_answer()
    {
        var scenario = TwilioTestKit.Scenario("outbound-answered");
        var call = CallGenerator.Generate(scenario, Fixtures.Seed, Fixtures.Now);
        var forms = TwilioTestKit.Forms("outbound-answered");
        var answered = DateTimeOffset.ParseExact(
            forms[2]["Timestamp"],
            "ddd, dd MMM yyyy HH:mm:ss '+0000'",
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal
        );
        var completed = DateTimeOffset.ParseExact(
            forms[3]["Timestamp"],
            "ddd, dd MMM yyyy HH:mm:ss '+0000'",
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal
        );
        Assert.That(forms[3]["CallDuration"], Is.EqualTo(call.TalkSeconds.ToString(CultureInfo.InvariantCulture)));
        Assert.That(call.TalkSeconds, Is.GreaterThan(0));
        Assert.That(
            (completed - answered).TotalSeconds,
            Is.EqualTo(call.TalkSeconds).Within(1),
            "the scenario's 100 ms pause may cross a second"
        );
        Assert.That(forms[0]["CallSid"], Is.EqualTo("CA" + call.Entropy));
    }

    [TestCase("incoming-answered", "ringing,in-progress,completed", "inbound")]
    [TestCase("incoming-missed", "ringing,no-answer", "inbound")]
    [TestCase("incoming-busy", "ringing,busy", "inbound")]
    [TestCase("obd-no-answer", "initiated,ringing,no-answer", "outbound-api")]
    [TestCase("click-to-call-rejected", "initiated,ringing,busy", "outbound-api")]
    [TestCase("outbound-answered", "initiated,ringing,in-progress,completed", "outbound-api")]
    public void CallStatus_follows_the_event_and_the_outcome(string scenario, string statuses, string direction)
    {
        var forms = TwilioTestKit.Forms(scenario);
        Assert.That(string.Join(",", forms.Select(form => form["CallStatus"])), Is.EqualTo(statuses));
        Assert.That(forms.Select(form => form["Direction"]), Is.All.EqualTo(direction));
        if (!statuses.EndsWith("completed", StringComparison.Ordinal))
            Assert.That(forms[^1]["CallDuration"], Is.EqualTo("0"));
    }

    [Test]
    public void Numbers_swap_roles_by_direction()
    {
        var inbound = CallGenerator.Generate(TwilioTestKit.Scenario("incoming-answered"), Fixtures.Seed, Fixtures.Now);
        var outbound = CallGenerator.Generate(TwilioTestKit.Scenario("obd-no-answer"), Fixtures.Seed, Fixtures.Now);
        var inboundForm = TwilioTestKit.Forms("incoming-answered")[0];
        var outboundForm = TwilioTestKit.Forms("obd-no-answer")[0];
        Assert.That((inboundForm["From"], inboundForm["To"]), Is.EqualTo((inbound.Customer.E164, inbound.ServiceNumber.E164)));
        Assert.That((outboundForm["From"], outboundForm["To"]), Is.EqualTo((outbound.ServiceNumber.E164, outbound.Customer.E164)));
    }

    [Test]
    public void Post_form_is_the_default_and_get_carries_the_parameters_in_the_query_string()
    {
        var post = TwilioTestKit.Requests("incoming-missed", TwilioTestKit.Config() with { Method = null, Encoding = null })[0];
        Assert.That((post.Method, post.ContentType, post.Url.Query), Is.EqualTo(("POST", "application/x-www-form-urlencoded", "")));
        var get = TwilioTestKit.Requests("incoming-missed", TwilioTestKit.Config("GET"))[0];
        Assert.That(get.HasBody, Is.False);
        Assert.That(get.Url.Query, Does.Contain("&CallStatus=ringing&").And.Contain("&From=%2B91"));
    }

    [Test]
    public void Without_a_secret_every_request_is_signed_with_the_documented_test_token_which_is_not_masked()
    {
        var request = TwilioTestKit.Requests("incoming-missed")[0];
        var signature = request.Headers.Single(h => h.Key == "X-Twilio-Signature").Value;
        Assert.That(
            signature,
            Is.EqualTo(Listener.TwilioKit.Sign(request.Url.AbsoluteUri, TwilioTestKit.Form(request), "callhooks-test-auth-token"))
        );
        Assert.That(TwilioProfile.TestAuthToken, Is.EqualTo("callhooks-test-auth-token"), "the token docs/providers/twilio.md publishes");
        Assert.That(request.SecretValues, Is.Empty, "a published test token is not a secret: outputs may show it");
    }

    [Test]
    public void A_sign_scheme_key_is_never_used_as_the_auth_token()
    {
        var withSign = TwilioTestKit.Config(secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") with { Sign = "standard-webhooks" };
        var request = TwilioTestKit.Requests("incoming-missed", withSign)[0];
        Assert.That(
            request.Headers.Single(h => h.Key == "X-Twilio-Signature").Value,
            Is.EqualTo(Listener.TwilioKit.Sign(request.Url.AbsoluteUri, TwilioTestKit.Form(request), TwilioProfile.TestAuthToken))
        );
    }

    [Test]
    public void Basic_credentials_go_on_the_built_request_and_the_auth_token_is_a_secret_value()
    {
        var config = TwilioTestKit.Config(secret: "tok-5c2e9a") with { Basic = new BasicCredentials("ac", "pw") };
        var request = TwilioTestKit.Requests("incoming-missed", config)[0];
        Assert.That(
            request.Headers.Select(h => h.Key),
            Is.EqualTo(new[] { "X-Twilio-Signature", "I-Twilio-Idempotency-Token", "User-Agent", "Authorization" })
        );
        Assert.That(request.SecretValues, Does.Contain("tok-5c2e9a"));
        Assert.That(new TwilioProfile().SendsCredentialsAfterChallenge, Is.True);
    }

    [Test]
    public void Validation_rejects_what_twilio_cannot_send()
    {
        var config = TwilioTestKit.Config() with
        {
            Query = [new QueryMapping("n", "clid")],
            Headers = [new HeaderSpec("X-Token", "t")],
            Options = new Dictionary<string, string> { ["clid"] = "e164" },
        };
        Assert.That(
            new TwilioProfile().Validate(config),
            Is.EqualTo(
                new[]
                {
                    "--query: twilio sends every field itself; put static query parameters in --target",
                    "--header: twilio status callbacks carry no custom headers; use --basic or --secret",
                    "--option clid: twilio has no options",
                }
            )
        );
        Assert.That(ProviderCatalog.Find("twilio"), Is.InstanceOf<TwilioProfile>());
    }
}
