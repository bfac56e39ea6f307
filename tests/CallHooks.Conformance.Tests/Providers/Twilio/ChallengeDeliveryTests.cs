using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Providers.MyOperatorInCall;
using CallHooks.Conformance.Providers.Twilio;
using CallHooks.Conformance.Running;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Providers.Twilio;

/// <summary>Twilio's Basic auth over loopback: no credentials first, then the same request with them after a 401 challenge.</summary>
public sealed class ChallengeDeliveryTests
{
    private const string Expected = "Basic YWM6cHctOWY4ZQ==";

    [Test]
    public async Task Twilio_resends_with_credentials_after_a_basic_challenge_and_both_attempts_are_recorded()
    {
        await using var listener = await ScriptedListener.StartAsync(Demanding(withChallenge: true));
        var result = await RunAsync(listener, new TwilioProfile(), "incoming-missed", TwilioTestKit.Scenario("incoming-missed"));

        var requests = listener.Requests.ToList();
        Assert.That(requests, Has.Count.EqualTo(4), "two events, two attempts each");
        Assert.That(requests.Select(r => r.Headers.ContainsKey("Authorization")), Is.EqualTo(new[] { false, true, false, true }));
        Assert.That(requests[1].Headers["Authorization"], Is.EqualTo(Expected));
        Assert.That(requests[1].Body, Is.EqualTo(requests[0].Body), "the same request again");

        Assert.That(result.Passed, Is.True);
        var delivery = result.Deliveries[0];
        Assert.That(delivery.Observation.Response!.Status, Is.EqualTo(200));
        Assert.That(delivery.Request.Headers.Single(h => h.Key == "Authorization").Value, Is.EqualTo("Basic [redacted]"));
        Assert.That(delivery.EarlierAttempts, Has.Count.EqualTo(1));
        Assert.That(delivery.EarlierAttempts[0].Observation.Response!.Status, Is.EqualTo(401));
        Assert.That(delivery.EarlierAttempts[0].Request.Headers.Select(h => h.Key), Does.Not.Contain("Authorization"));
    }

    [Test]
    public async Task A_401_without_a_challenge_is_final_and_credentials_are_never_sent()
    {
        await using var listener = await ScriptedListener.StartAsync(Demanding(withChallenge: false));
        var result = await RunAsync(listener, new TwilioProfile(), "incoming-missed", TwilioTestKit.Scenario("incoming-missed"));

        Assert.That(listener.Requests.Select(r => r.Headers.ContainsKey("Authorization")), Is.EqualTo(new[] { false, false }));
        Assert.That(result.Passed, Is.False);
        Assert.That(result.Deliveries[0].EarlierAttempts, Is.Empty);
        Assert.That(result.Deliveries[0].Failures[0], Does.Contain("401"));
    }

    [Test]
    public async Task Providers_that_send_credentials_at_once_make_one_attempt()
    {
        await using var listener = await ScriptedListener.StartAsync(Demanding(withChallenge: true));
        var result = await RunAsync(listener, new MyOperatorInCallProfile(), "obd-no-answer", Fixtures.Scenario("obd-no-answer"));

        Assert.That(listener.Requests.Select(r => r.Headers.GetValueOrDefault("Authorization")), Is.All.EqualTo(Expected));
        Assert.That(result.Deliveries.SelectMany(d => d.EarlierAttempts), Is.Empty);
        Assert.That(result.Passed, Is.True);
    }

    private static Func<Microsoft.AspNetCore.Http.HttpContext, Task> Demanding(bool withChallenge) =>
        context =>
        {
            var ok = context.Request.Headers.Authorization.ToString() == Expected;
            context.Response.StatusCode = ok ? 200 : 401;
            if (!ok && withChallenge)
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"crm\"";
            return Task.CompletedTask;
        };

    private static async Task<Results.ScenarioResult> RunAsync(
        ScriptedListener listener,
        IProviderProfile profile,
        string name,
        Conformance.Scenarios.Scenario scenario
    )
    {
        using var dispatcher = WebhookDispatcher.ForConformance(TimeSpan.FromSeconds(5), TlsTrust.System, TimeProvider.System);
        var plan = new RunPlan
        {
            Scenarios = [scenario],
            Config = new WebhookConfig { Target = listener.BaseUrl, Basic = new BasicCredentials("ac", "pw-9f8e") },
            Seed = Fixtures.Seed,
            CallStart = Fixtures.Now,
            Timeout = TimeSpan.FromSeconds(5),
        };
        var result = await new ScenarioRunner(dispatcher, TimeProvider.System).RunAsync(scenario, profile, plan, CancellationToken.None);
        Assert.That(result.Name, Is.EqualTo(name));
        return result;
    }
}
