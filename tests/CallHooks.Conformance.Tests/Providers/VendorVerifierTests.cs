using System.Text;
using System.Text.Json.Nodes;
using System.Web;
using CallHooks.Conformance.Generation;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Providers.StandardWebhooks;
using CallHooks.Conformance.Providers.Twilio;
using CallHooks.Conformance.Scenarios;
using CallHooks.Conformance.Tests.Support;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Tests.Providers;

/// <summary>
/// What callhooks signs, judged by the providers' own verifier libraries rather than by code of ours: twilio-node's
/// validateRequest for every Twilio request (with and without --secret), and the standardwebhooks package for
/// --sign standard-webhooks. A control in each proves the library can say no.
/// </summary>
public sealed class VendorVerifierTests
{
    private const string AuthToken = "9c1e4f0a7b3d2e6f8a0b1c2d3e4f5a6b";
    private const string WhSec = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    [Test]
    public async Task Every_twilio_request_verifies_with_twilios_library_out_of_the_box_and_with_the_users_token()
    {
        var profile = new TwilioProfile();
        var batch = new List<JsonObject>();
        foreach (var (method, encoding) in new[] { ("POST", "form"), ("GET", (string?)null), ("POST", "json") })
        {
            var config = new WebhookConfig
            {
                Target = Fixtures.Target,
                Method = method,
                Encoding = encoding,
            };
            foreach (var request in Requests(profile, config))
                batch.Add(Twilio(request, TwilioProfile.TestAuthToken));
            foreach (var request in Requests(profile, config with { Secret = AuthToken }))
                batch.Add(Twilio(request, AuthToken));
        }

        var verdicts = await VendorVerifiers.JudgeAsync(batch);
        Assert.That(
            verdicts.Where(verdict => verdict is not null),
            Is.Empty,
            $"{verdicts.Count(verdict => verdict is not null)} of {verdicts.Count} rejected"
        );
        Assert.That(batch, Has.Count.GreaterThan(100));

        var control = await VendorVerifiers.JudgeAsync([
            Twilio(Requests(profile, new WebhookConfig { Target = Fixtures.Target })[0], "another-token"),
        ]);
        Assert.That(control[0], Is.Not.Null, "signed with another token, twilio's library must refuse it");
    }

    [Test]
    public async Task Standard_webhooks_signatures_verify_with_the_standardwebhooks_library()
    {
        // The library checks the timestamp against the real clock (5 minutes' tolerance), so these calls start now.
        var profile = ProviderCatalog.Find("myoperator-v2")!;
        var config = new WebhookConfig
        {
            Target = Fixtures.Target,
            Secret = WhSec,
            Sign = StandardWebhooksSigning.Scheme,
        };
        var requests = Requests(profile, config, DateTimeOffset.UtcNow);
        var verdicts = await VendorVerifiers.JudgeAsync(requests.Select(request => StandardWebhooks(request, WhSec)).ToList());
        Assert.That(verdicts.Where(verdict => verdict is not null), Is.Empty);

        var tampered = requests[0] with
        {
            Body = Encoding.UTF8.GetBytes(
                Encoding.UTF8.GetString(requests[0].Body.Span).Replace("\"call\"", "\"sms\"", StringComparison.Ordinal)
            ),
        };
        var control = await VendorVerifiers.JudgeAsync([StandardWebhooks(tampered, WhSec)]);
        Assert.That(control[0], Is.Not.Null, "a body changed after signing must be refused");
    }

    private static List<WebhookRequest> Requests(IProviderProfile profile, WebhookConfig config, DateTimeOffset? start = null)
    {
        var requests = new List<WebhookRequest>();
        foreach (
            var scenario in ScenarioLibrary
                .LoadDirectory(RepoPaths.Scenarios)
                .Scenarios.Where(scenario => scenario.Provider == profile.Name)
        )
        {
            var call = CallGenerator.Generate(scenario, Fixtures.Seed, start ?? Fixtures.Now);
            var eventTime = call.StartedAt;
            for (var index = 0; index < scenario.Steps.Count; index++)
            {
                eventTime += scenario.Steps[index].After;
                var context = new StepContext(call, scenario.Steps[index], index, eventTime);
                requests.Add(StandardWebhooksSigning.Apply(config, context, profile.Build(context, config)));
            }
        }

        return requests;
    }

    private static JsonObject Twilio(WebhookRequest request, string authToken)
    {
        var judged = new JsonObject
        {
            ["scheme"] = "twilio",
            ["authToken"] = authToken,
            ["url"] = request.Url.AbsoluteUri,
            ["signature"] = request.Headers.Single(header => header.Key == "X-Twilio-Signature").Value,
        };
        var body = Encoding.UTF8.GetString(request.Body.Span);
        if (request.ContentType?.Contains("json", StringComparison.Ordinal) == true)
        {
            judged["body"] = body;
        }
        else
        {
            var form = HttpUtility.ParseQueryString(body);
            judged["params"] = new JsonObject(form.AllKeys.Select(key => KeyValuePair.Create(key!, (JsonNode?)form[key])));
        }

        return judged;
    }

    private static JsonObject StandardWebhooks(WebhookRequest request, string secret) =>
        new()
        {
            ["scheme"] = "standard-webhooks",
            ["secret"] = secret,
            ["body"] = Encoding.UTF8.GetString(request.Body.Span),
            ["headers"] = new JsonObject(
                request
                    .Headers.Where(header => header.Key.StartsWith("webhook-", StringComparison.Ordinal))
                    .Select(header => KeyValuePair.Create(header.Key, (JsonNode?)header.Value))
            ),
        };
}
