using System.Net;
using CallHooks.Conformance.NUnit;

namespace CallHooks.Conformance.Tests.Packages;

/// <summary>
/// The NUnit integration's own behaviour, in this process (the package as shipped is exercised by the sample in
/// <see cref="ShippedPackagesTests"/>): test names, the command line's validation, in-process delivery.
/// </summary>
public sealed class ConformanceSuiteTests
{
    [Test]
    public void Each_scenario_and_each_rule_is_a_test_named_as_a_filter_would_name_it()
    {
        var suite = new ConformanceSuite("--provider", "myoperator-incall", "--target", "http://localhost/in_call");

        var scenarios = suite.Scenarios().Select(test => test.TestName).ToList();
        var rules = suite.Rules().Select(test => test.TestName).ToList();

        Assert.That(scenarios, Has.Count.EqualTo(7).And.Contains("myoperator-incall/incoming-answered"));
        Assert.That(rules, Does.Contain("CORE-001 myoperator-incall/incoming-answered"));
        Assert.That(rules, Has.None.StartWith("AUTH-001"), "security rules only with --suite security");
    }

    [Test]
    public void An_unknown_provider_is_one_failing_test_with_the_command_line_s_message_and_nothing_is_sent()
    {
        var suite = new ConformanceSuite("--provider", "exotel", "--target", "http://127.0.0.1:9/hook");
        var only = suite.Scenarios().Single();
        Assert.That(only.TestName, Is.EqualTo("exotel/options"));

        var failure = Assert.ThrowsAsync<AssertionException>(() => suite.AssertScenarioAsync("options"));

        Assert.That(failure!.Message, Does.StartWith("callhooks exited 2:"));
        Assert.That(
            failure.Message,
            Does.Contain(
                "callhooks: --provider 'exotel': unknown provider; known: acefone, myoperator-aftercall, myoperator-incall, myoperator-v2, twilio, voipappz"
            )
        );
    }

    [Test]
    public void In_process_without_a_target_says_what_the_target_is_for()
    {
        using var app = new Answering(HttpStatusCode.OK);
        var suite = new ConformanceSuite("--provider", "myoperator-incall");

        var failure = Assert.ThrowsAsync<AssertionException>(() => suite.AssertScenarioAsync("incoming-answered", app));

        Assert.That(
            failure!.Message,
            Does.Contain("in process, --target gives the URL the webhooks are addressed to (e.g. http://localhost/webhook)")
        );
        Assert.That(app.Requests, Is.Zero);
    }

    [Test]
    public async Task In_process_every_event_reaches_the_app_and_a_500_fails_the_test_with_the_event_and_the_replay()
    {
        using var healthy = new Answering(HttpStatusCode.OK);
        await new ConformanceSuite("--target", "http://localhost/in_call", "--seed", "7").AssertScenarioAsync("incoming-answered", healthy);
        Assert.That(healthy.Requests, Is.EqualTo(4), "every event of the call, in process");

        using var failing = new Answering(HttpStatusCode.InternalServerError);
        var failure = Assert.ThrowsAsync<AssertionException>(() =>
            new ConformanceSuite("--target", "http://localhost/in_call", "--seed", "7").AssertScenarioAsync("incoming-answered", failing)
        );
        Assert.That(failure!.Message, Does.Contain("expected status 2xx within 5s, got 500 Internal Server Error"));
        Assert.That(
            failure.Message,
            Does.Contain("replay: callhooks run --target http://localhost/in_call --seed 7 --scenario incoming-answered")
        );
        Assert.That(failure.Message, Does.Not.Contain("wrote "), "the reports are attached, not listed");
    }

    [Test]
    public async Task An_in_process_run_says_in_every_report_what_it_could_not_observe()
    {
        using var app = new Answering(HttpStatusCode.OK);
        var folder = Directory.CreateTempSubdirectory("callhooks-inprocess-").FullName;
        using var output = new StringWriter();
        var exit = await CallHooks.Conformance.Cli.CallhooksApp.RunInProcessAsync(
            ["run", "--target", "http://localhost/in_call", "--scenario", "incoming-answered", "--seed", "7", "--out", folder],
            app,
            output,
            output,
            CancellationToken.None
        );

        Assert.That(exit, Is.Zero, output.ToString());
        using var results = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "results.json")));
        Assert.That(results.RootElement.GetProperty("inProcess").GetBoolean(), Is.True);
        Assert.That(
            File.ReadAllText(Path.Combine(folder, "report.md")),
            Does.Contain("connection faults, TLS and response framing (in process: nothing crossed a wire)")
        );
        Assert.That(output.ToString(), Does.Contain("callhooks: in process: webhooks go straight to the app"));
    }

    [Test]
    public async Task Two_providers_scenarios_of_one_name_are_two_tests_each_playing_its_own_provider()
    {
        var suite = new ConformanceSuite("--provider", "twilio", "--provider", "myoperator-incall", "--target", "http://localhost/hook");
        var names = suite.Scenarios().Select(test => (string)test.Arguments[0]!).ToList();
        Assert.That(names, Does.Contain("twilio/incoming-answered").And.Contain("myoperator-incall/incoming-answered"));

        using var app = new Answering(HttpStatusCode.OK);
        await suite.AssertScenarioAsync("twilio/incoming-answered", app);
        Assert.That(app.Seen, Has.Count.GreaterThan(0).And.All.Contains("X-Twilio-Signature"), "only Twilio's requests were played");
    }

    [Test]
    public async Task A_failed_scenario_is_played_again_when_the_test_is_retried()
    {
        var suite = new ConformanceSuite("--target", "http://localhost/in_call", "--seed", "7");
        using var failing = new Answering(HttpStatusCode.InternalServerError);
        Assert.ThrowsAsync<AssertionException>(() => suite.AssertScenarioAsync("myoperator-incall/incoming-answered", failing));
        var first = failing.Requests;
        Assert.ThrowsAsync<AssertionException>(() => suite.AssertScenarioAsync("myoperator-incall/incoming-answered", failing));
        Assert.That(failing.Requests, Is.EqualTo(2 * first), "a retry replays the call instead of reusing the failed result");
        await Task.CompletedTask;
    }

    [Test]
    public async Task A_cancellation_the_app_throws_itself_is_the_app_s_failure_not_a_timeout()
    {
        using var app = new Throwing(new TaskCanceledException("the CRM call timed out"));
        var failure = Assert.ThrowsAsync<AssertionException>(() =>
            new ConformanceSuite("--target", "http://localhost/in_call", "--seed", "7").AssertScenarioAsync("incoming-answered", app)
        );
        Assert.That(failure!.Message, Does.Contain("the app threw TaskCanceledException: the CRM call timed out"));
        Assert.That(failure.Message, Does.Not.Contain("no complete response within"));
        await Task.CompletedTask;
    }

    /// <summary>An in-process app whose pipeline throws, as TestServer rethrows what the app threw.</summary>
    private sealed class Throwing(Exception exception) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromException<HttpResponseMessage>(exception);
    }

    /// <summary>An in-process app that answers every request with one status and counts them.</summary>
    private sealed class Answering(HttpStatusCode status) : HttpMessageHandler
    {
        private int requests;
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> seen = new();

        public int Requests => Volatile.Read(ref requests);

        /// <summary>Each request's header names, comma-joined.</summary>
        public IReadOnlyList<string> Seen => [.. seen];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref requests);
            seen.Enqueue(string.Join(",", request.Headers.Select(header => header.Key)));
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent("ok") });
        }
    }
}
