using CallHooks.Conformance.NUnit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using NUnit.Framework;

namespace InCallListener.Tests;

/// <summary>
/// The listener, in process, against every MyOperator In-Call scenario: one NUnit test per scenario. With
/// <c>Listener__Broken=true</c> in the environment the listener fails each call's last event, and these tests fail
/// with callhooks' message.
/// </summary>
public class InCallWebhookTests
{
    private static readonly ConformanceSuite Suite = new(
        "--provider",
        "myoperator-incall",
        "--target",
        "http://localhost/in_call",
        "--header",
        "x-webhook-token: t0ken",
        "--basic",
        "admin:s3cret",
        "--seed",
        "42"
    );

    private static readonly WebApplicationFactory<Program> App = new();

    private static IEnumerable<TestCaseData> Scenarios() => Suite.Scenarios();

    private static IEnumerable<TestCaseData> Rules() => Suite.Rules();

    [TestCaseSource(nameof(Scenarios))]
    public Task Scenario(string name) => Suite.AssertScenarioAsync(name, App.Server.CreateHandler());

    // One test per conformance rule and scenario; each scenario is played once for all of them.
    [TestCaseSource(nameof(Rules))]
    public Task Rule(string scenario, string rule) => Suite.AssertRuleAsync(scenario, rule, App.Server.CreateHandler());

    [OneTimeTearDown]
    public static void StopApp() => App.Dispose();
}
