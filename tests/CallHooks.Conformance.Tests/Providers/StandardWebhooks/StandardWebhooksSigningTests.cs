using System.Text;
using CallHooks.Conformance.Generation;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Providers.MyOperatorInCall;
using CallHooks.Conformance.Providers.StandardWebhooks;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Providers.StandardWebhooks;

/// <summary>Standard Webhooks v1 signing: the reference vector, the secret format, and the headers added to any profile.</summary>
public sealed class StandardWebhooksSigningTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    [Test]
    public void Reproduces_the_standard_webhooks_reference_vector()
    {
        // The specification's repository tests its libraries with this vector (libraries/go/webhook_test.go,
        // TestWebhookSign); the specification text itself publishes no complete example with a secret.
        var signature = StandardWebhooksSigner.Sign(
            StandardWebhooksSecret.Key(Secret),
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330,
            "{\"test\": 2432232314}"u8
        );
        Assert.That(signature, Is.EqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
    }

    [TestCase("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "--secret: a Standard Webhooks key starts with 'whsec_' followed by base64")]
    [TestCase("whsec_not base64!", "--secret: the part after 'whsec_' is not valid base64")]
    [TestCase("whsec_", "--secret: the part after 'whsec_' is not valid base64")]
    [TestCase("whsec_YWJj", "--secret: the key decodes to 3 bytes; Standard Webhooks keys are 24 to 64 bytes")]
    public void Malformed_secrets_are_named_without_echoing_them(string secret, string problem)
    {
        Assert.That(StandardWebhooksSecret.Problem(secret), Is.EqualTo(problem));
    }

    [Test]
    public void Signing_adds_id_timestamp_and_signature_over_the_body_the_profile_built()
    {
        var scenario = Fixtures.Scenario("incoming-answered");
        var call = CallGenerator.Generate(scenario, Fixtures.Seed, Fixtures.Now);
        var config = Fixtures.Config() with { Sign = "standard-webhooks", Secret = Secret };
        var context = new StepContext(call, scenario.Steps[1], 1, Fixtures.Now.AddMilliseconds(100));
        var built = new MyOperatorInCallProfile().Build(context, config);
        var signed = StandardWebhooksSigning.Apply(config, context, built);

        var added = signed.Headers.Skip(built.Headers.Count).ToList();
        Assert.That(added.Select(h => h.Key), Is.EqualTo(new[] { "webhook-id", "webhook-timestamp", "webhook-signature" }));
        Assert.That(added[0].Value, Does.Match("^msg_[0-9a-f]{32}$"));
        Assert.That(
            added[1].Value,
            Is.EqualTo(Fixtures.Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            "the event time, not the send time"
        );
        var content = Encoding.UTF8.GetBytes(added[0].Value + "." + added[1].Value + ".").Concat(signed.Body.ToArray()).ToArray();
        var expected =
            "v1,"
            + Convert.ToBase64String(
                System.Security.Cryptography.HMACSHA256.HashData(Convert.FromBase64String("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), content)
            );
        Assert.That(added[2].Value, Is.EqualTo(expected));
        Assert.That(signed.Body.ToArray(), Is.EqualTo(built.Body.ToArray()));
        Assert.That(signed.SecretValues, Does.Contain(Secret));
    }

    [Test]
    public void The_message_id_is_the_same_for_the_same_event_and_differs_between_events()
    {
        var scenario = Fixtures.Scenario("incoming-answered");
        var call = CallGenerator.Generate(scenario, Fixtures.Seed, Fixtures.Now);
        string Id(int index) => StandardWebhooksSigning.MessageId(new StepContext(call, scenario.Steps[index], index, Fixtures.Now));
        var retried = StandardWebhooksSigning.MessageId(
            new StepContext(
                CallGenerator.Generate(scenario, Fixtures.Seed, Fixtures.Now),
                scenario.Steps[1],
                1,
                Fixtures.Now.AddSeconds(30)
            )
        );
        Assert.That(retried, Is.EqualTo(Id(1)), "a resend of the same event, even later, keeps its id");
        Assert.That(Enumerable.Range(0, scenario.Steps.Count).Select(Id).Distinct().Count(), Is.EqualTo(scenario.Steps.Count));
    }

    [Test]
    public void Without_sign_the_request_is_unchanged()
    {
        var scenario = Fixtures.Scenario("incoming-answered");
        var call = CallGenerator.Generate(scenario, Fixtures.Seed, Fixtures.Now);
        var context = new StepContext(call, scenario.Steps[0], 0, Fixtures.Now);
        var built = new MyOperatorInCallProfile().Build(context, Fixtures.Config() with { Secret = Secret });
        Assert.That(StandardWebhooksSigning.Apply(Fixtures.Config() with { Secret = Secret }, context, built), Is.SameAs(built));
    }
}
