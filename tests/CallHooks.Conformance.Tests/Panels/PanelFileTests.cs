using System.Text;
using CallHooks.Conformance.Panels;

namespace CallHooks.Conformance.Tests.Panels;

/// <summary>Reading callhooks.json: what it turns into, and every refusal located as file:line:column.</summary>
public sealed class PanelFileTests
{
    private static readonly Dictionary<string, string> Environment = new(StringComparer.Ordinal)
    {
        ["CRM_HOOK_BASIC"] = "crm:s3cret-pass",
        ["CRM_API_KEY"] = "key-abc-123",
    };

    private static PanelLoad Parse(string text) =>
        PanelFile.Parse("callhooks.json", Encoding.UTF8.GetBytes(text), name => Environment.GetValueOrDefault(name));

    private static string Panel(string webhooks) => "{\n  \"webhooks\": [\n" + webhooks + "\n  ]\n}\n";

    [Test]
    public void A_two_webhook_MyOperator_panel_with_comments_reads_into_webhooks_with_secrets_from_the_environment()
    {
        var load = Parse(
            """
            // MyOperator: In-Call and After-Call
            {
              "webhooks": [
                /* every call state */
                { "name": "in-call", "provider": "myoperator-aftercall", "events": ["in-call"], "url": "/in_call",
                  "basic": "env:CRM_HOOK_BASIC", "headers": { "X-Api-Key": "env:CRM_API_KEY" }, "options": { "clid": "e164" } },
                { "name": "after-call", "provider": "myoperator-aftercall", "events": ["after-call"],
                  "url": "https://crm.example/hooks/after_call", "enabled": false }
              ]
            }
            """
        );
        Assert.That(load.Errors, Is.Empty);
        Assert.That(load.Warnings, Is.Empty);
        var (inCall, afterCall) = (load.Webhooks![0], load.Webhooks[1]);
        Assert.Multiple(() =>
        {
            Assert.That(inCall.Events, Is.EquivalentTo(new[] { "1", "2", "3", "4", "5", "6", "7", "9" }));
            Assert.That(inCall.Path, Is.EqualTo("/in_call"));
            Assert.That(inCall.Config.Basic, Is.EqualTo(new Conformance.Providers.BasicCredentials("crm", "s3cret-pass")));
            Assert.That(inCall.Config.Headers.Single(), Is.EqualTo(new Conformance.Providers.HeaderSpec("X-Api-Key", "key-abc-123")));
            Assert.That(inCall.Config.Options["clid"], Is.EqualTo("e164"));
            Assert.That(inCall.DeclaredAt, Is.EqualTo("callhooks.json:5:5"));
            Assert.That(inCall.Receives("5"), Is.True);
            Assert.That(inCall.Receives("after-call"), Is.False);
            Assert.That(afterCall.Path, Is.Null);
            Assert.That(afterCall.Config.Target, Is.EqualTo(new Uri("https://crm.example/hooks/after_call")));
            Assert.That(afterCall.Receives("after-call"), Is.False, "a disabled webhook receives nothing");
        });
    }

    [Test]
    public void A_path_resolves_against_the_target_and_star_subscribes_to_every_event()
    {
        var load = Parse(Panel("""    { "name": "all", "provider": "twilio", "events": ["*"], "url": "/twilio/status?tenant=7" }"""));
        var webhook = load.Webhooks!.Single().ResolvedAgainst(new Uri("http://127.0.0.1:9000/base/"));
        Assert.Multiple(() =>
        {
            Assert.That(webhook.Events, Is.Null);
            Assert.That(
                webhook.Config.Target.AbsoluteUri,
                Is.EqualTo("http://127.0.0.1:9000/base/twilio/status?tenant=7"),
                "appended to --target's path"
            );
        });
    }

    [TestCase(
        """    { "name": "a", "provider": "myoperator-incall", "events": ["8"], "url": "/a" }""",
        "callhooks.json:3:64: '8' is not a myoperator-incall event; it has: 1, 2, 3, 4, 5, 6, 7, 9; or * for all (at /webhooks/0/events/0)"
    )]
    [TestCase(
        """    { "name": "a", "provider": "myoperator", "events": ["*"], "url": "/a" }""",
        "callhooks.json:3:32: 'myoperator' is not one of: myoperator-incall, myoperator-aftercall, myoperator-v2, acefone, voipappz, twilio (at /webhooks/0/provider)"
    )]
    [TestCase(
        """    { "name": "a", "provider": "voipappz", "events": [], "url": "/a" }""",
        "callhooks.json:3:54: must have at least 1 item (at /webhooks/0/events)"
    )]
    [TestCase(
        """    { "name": "a", "provider": "myoperator-incall", "events": ["*"], "url": "/a", "options": { "clid": "intl" } }""",
        "callhooks.json:3:94: option clid=intl: not a reading of clid; use national or e164 (default national) (at /webhooks/0/options)"
    )]
    [TestCase(
        """    { "name": "a", "provider": "myoperator-incall", "events": ["*"], "url": "/a", "basic": "env:NOT_SET_ANYWHERE" }""",
        "callhooks.json:3:92: env:NOT_SET_ANYWHERE: the environment variable NOT_SET_ANYWHERE is not set (at /webhooks/0/basic)"
    )]
    [TestCase(
        """    { "name": "a", "provider": "myoperator-incall", "events": ["*"], "url": "ftp://crm.example/a" }""",
        "callhooks.json:3:77: 'ftp://crm.example/a' is neither an http(s) URL nor a path starting with / (at /webhooks/0/url)"
    )]
    [TestCase(
        """    { "name": "a", "provider": "twilio", "events": ["*"], "url": "/a", "method": "PUT" }""",
        "callhooks.json:3:82: 'PUT' is not one of: GET, POST (at /webhooks/0/method)"
    )]
    [TestCase(
        """    { "name": "a", "provider": "myoperator-incall", "events": ["*"], "url": "/a", "colour": "red" }""",
        "callhooks.json:3:83: unknown property 'colour' (at /webhooks/0/colour)"
    )]
    public void Bad_webhooks_are_refused_at_their_position(string webhook, string expected)
    {
        var load = Parse(Panel(webhook));
        Assert.That(load.Webhooks, Is.Null, "nothing is sent from a panel with an error");
        Assert.That(load.Errors.Select(error => error.ToString()), Has.Some.StartsWith(expected), string.Join("\n", load.Errors));
    }

    [TestCase(
        """
                { "name": "a", "provider": "myoperator-incall", "events": ["*"], "url": "/hook" },
                { "name": "b", "provider": "voipappz", "events": ["*"], "url": "/hook/" }
            """,
        "callhooks.json:4:68: path /hook is also a's, a myoperator-incall webhook; one path receives one provider's webhooks (at /webhooks/1/url)"
    )]
    [TestCase(
        """    { "name": "a", "provider": "voipappz", "events": ["*"], "url": "/a", "enabled": false }""",
        "callhooks.json:2:15: every webhook is disabled: nothing would be sent; enable at least one (at /webhooks)"
    )]
    [TestCase(
        """    { "name": "a", "provider": "voipappz", "events": ["*"], "url": "//crm.example/a" }""",
        "callhooks.json:3:68: '//crm.example/a' names a host without a scheme"
    )]
    public void A_panel_that_cannot_be_served_as_written_is_refused(string webhooks, string expected) =>
        Assert.That(Parse(Panel(webhooks)).Errors.Select(error => error.ToString()), Has.Some.StartsWith(expected));

    [Test]
    public void A_webhook_name_used_twice_is_refused_at_the_second()
    {
        var load = Parse(
            Panel(
                """
                    { "name": "hook", "provider": "voipappz", "events": ["Call:Ringing"], "url": "/a" },
                    { "name": "hook", "provider": "voipappz", "events": ["Call:Answer"], "url": "/b" }
                """
            )
        );
        Assert.That(
            load.Errors.Select(error => error.ToString()),
            Is.EqualTo(
                new[]
                {
                    "callhooks.json:4:15: webhook name 'hook' is used more than once; reports group results by name (at /webhooks/1/name)",
                }
            )
        );
    }

    [Test]
    public void A_literal_secret_is_a_warning_that_says_how_to_use_env_and_the_value_is_never_quoted()
    {
        var load = Parse(
            Panel(
                """    { "name": "a", "provider": "myoperator-incall", "events": ["*"], "url": "/a", "headers": { "X-Token": "plain-text-token" } }"""
            )
        );
        Assert.Multiple(() =>
        {
            Assert.That(load.Errors, Is.Empty);
            Assert.That(load.Webhooks!.Single().Config.Headers.Single().Value, Is.EqualTo("plain-text-token"));
            Assert.That(
                load.Warnings.Single().ToString(),
                Is.EqualTo(
                    "callhooks.json:3:107: a secret is written literally in the panel file (at /webhooks/0/headers/X-Token); write \"env:NAME\" and set NAME in the environment (a CI secret), so the file can be committed"
                )
            );
            Assert.That(load.Warnings.Single().ToString(), Does.Not.Contain("plain-text-token"));
        });
    }

    [Test]
    public void Invalid_json_and_a_missing_file_are_located()
    {
        var broken = Parse("{ \"webhooks\": [ { \"name\": \"a\", } ] }");
        var missing = PanelFile.Load(Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid().ToString("N"), "callhooks.json"), _ =>
            null
        );
        Assert.Multiple(() =>
        {
            Assert.That(broken.Errors.Single().ToString(), Does.StartWith("callhooks.json:1:32: invalid JSON:"));
            Assert.That(missing.Errors.Single().Message, Is.EqualTo("file not found"));
        });
    }

    [Test]
    public void The_shipped_schema_is_the_one_the_reader_checks_against()
    {
        var schema = System.Text.Json.JsonDocument.Parse(PanelFile.SchemaText());
        var webhook = schema.RootElement.GetProperty("$defs").GetProperty("webhook");
        Assert.That(
            webhook.GetProperty("properties").GetProperty("provider").GetProperty("enum").EnumerateArray().Select(e => e.GetString()),
            Is.EquivalentTo(Conformance.Providers.ProviderCatalog.All.Select(profile => profile.Name)),
            "every provider can be named in a panel file, and no other"
        );
    }
}
