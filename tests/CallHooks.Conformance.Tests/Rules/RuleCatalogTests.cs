using System.Text;
using CallHooks.Conformance.Rules;
using CallHooks.Conformance.Rules.Probes;
using CallHooks.Conformance.Tests.Support;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Tests.Rules;

public sealed class RuleCatalogTests
{
    [Test]
    public void Rule_ids_are_unique_and_follow_the_naming_scheme()
    {
        var ids = RuleCatalog.All.Select(rule => rule.Id).ToList();
        Assert.That(ids, Is.Unique);
        Assert.That(ids, Has.All.Match("^[A-Z]+-[0-9]{3}$"));
        Assert.That(
            RuleCatalog.All,
            Has.All.Matches<Rule>(rule => rule.Title.Length > 0 && rule.Rationale.Length > 0 && rule.Source.Length > 0)
        );
    }

    [Test]
    public void Rule_sources_cite_notes_this_repository_ships_never_files_a_user_does_not_have()
    {
        Assert.That(
            RuleCatalog
                .All.Where(rule =>
                    rule.Source.Contains("PROVIDERS.md", StringComparison.Ordinal)
                    || rule.Source.Contains("seeds/", StringComparison.Ordinal)
                )
                .Select(rule => rule.Id),
            Is.Empty
        );
        foreach (
            var cited in RuleCatalog.All.SelectMany(rule =>
                System.Text.RegularExpressions.Regex.Matches(rule.Source, @"docs/providers/[a-z0-9-]*(\.md)?").Select(match => match.Value)
            )
        )
            Assert.That(
                File.Exists(Path.Combine(Support.RepoPaths.Root, cited)) || Directory.Exists(Path.Combine(Support.RepoPaths.Root, cited)),
                Is.True,
                cited
            );
    }

    [Test]
    public void Every_suite_has_rules_and_the_fast_budget_and_one_crm_record_are_the_only_shoulds() =>
        Assert.Multiple(() =>
        {
            foreach (var suite in Enum.GetValues<RuleSuite>())
                Assert.That(RuleCatalog.All.Count(rule => rule.Suite == suite), Is.GreaterThan(0), suite.ToString());
            Assert.That(
                RuleCatalog.All.Where(rule => rule.Level is RuleLevel.Should).Select(rule => rule.Id),
                Is.EqualTo(new[] { "TIME-002", "CRM-001" })
            );
        });

    [Test]
    public async Task The_rules_command_prints_the_catalogue()
    {
        var run = await CliRun.InvokeAsync("rules");
        Assert.That(run.ExitCode, Is.EqualTo(0));
        foreach (var rule in RuleCatalog.All)
            Assert.That(
                run.Out,
                Does.Contain($"{rule.Id, -10} {rule.LevelText, -6} {rule.Suite.ToString().ToLowerInvariant(), -10} {rule.Title}")
            );
        Assert.That(run.Out, Does.Contain("source: "));
    }

    [Test]
    public async Task An_unknown_suite_is_a_usage_error()
    {
        var run = await CliRun.InvokeAsync("run", "--suite", "paranoid");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.StartWith("callhooks: --suite 'paranoid': use core, security, robustness or all"));
    }

    [Test]
    public async Task Auth_reject_refuses_a_2xx_and_verify_url_needs_the_uid_placeholder()
    {
        var run = await CliRun.InvokeAsync("run", "--auth-reject", "200", "--verify-url", "http://127.0.0.1:9/calls");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--auth-reject '200': a 2xx would accept forged requests; use 4xx codes"));
        Assert.That(run.Error, Does.Contain("--verify-url 'http://127.0.0.1:9/calls': must contain {uid}, where the call id goes"));
    }

    [Test]
    public void Stripping_credentials_removes_auth_secret_headers_signatures_and_query_keys()
    {
        var request = new WebhookRequest
        {
            Method = "POST",
            Url = new Uri("http://127.0.0.1:9/hook?api_key=k3y&n=1"),
            Headers =
            [
                KeyValuePair.Create("x-token", "abc"),
                KeyValuePair.Create("Authorization", "Basic eDp5"),
                KeyValuePair.Create("webhook-signature", "v1,sig"),
                KeyValuePair.Create("webhook-id", "msg_1"),
            ],
            SecretHeaders = new HashSet<string>(["x-token", "Authorization"], StringComparer.OrdinalIgnoreCase),
            SecretValues = ["k3y"],
        };
        var stripped = Credentials.Strip(request);
        Assert.That(stripped.Headers.Select(header => header.Key), Is.EqualTo(new[] { "webhook-id" }));
        Assert.That(stripped.Url.Query, Is.EqualTo("?n=1"));

        var falsified = Credentials.Falsify(request);
        Assert.That(
            falsified.Headers.Select(header => header.Value),
            Is.EqualTo(
                new[]
                {
                    "callhooks-wrong-credential",
                    "Basic " + Convert.ToBase64String("callhooks:wrong-password"u8.ToArray()),
                    "v1," + Convert.ToBase64String(new byte[32]),
                    "msg_1",
                }
            )
        );
        Assert.That(falsified.Url.Query, Is.EqualTo("?api_key=wrong-3&n=1"));
    }

    [Test]
    public void Broken_bodies_are_truncated_retyped_or_emptied()
    {
        var request = new WebhookRequest
        {
            Method = "POST",
            Url = new Uri("http://127.0.0.1:9/"),
            ContentType = "application/json",
            Body = Encoding.UTF8.GetBytes("{\"myoperator\":{\"a\":1}}"),
        };
        Assert.That(Encoding.UTF8.GetString(BrokenBodyProbe.Truncated(request).Body.Span), Is.EqualTo("{\"myoperato"));
        Assert.That(BrokenBodyProbe.WrongContentType(request).ContentType, Is.EqualTo("text/plain; charset=utf-8"));
        Assert.That(BrokenBodyProbe.Empty(request).Body.Length, Is.Zero);
    }
}
