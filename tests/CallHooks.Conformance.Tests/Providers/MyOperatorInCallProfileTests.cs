using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Web;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Providers.MyOperatorInCall;
using CallHooks.Conformance.Tests.Support;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Tests.Providers;

/// <summary>
/// Checks requests against MyOperator's In-Call documentation by reading them back independently
/// (HttpUtility for the form and query, JsonDocument for the log), never through the profile's own code.
/// </summary>
public sealed class MyOperatorInCallProfileTests
{
    private static readonly string[] DocumentedKeys =
    [
        "id",
        "uid",
        "reference_id",
        "company_id",
        "clid_raw",
        "clid",
        "rdnis",
        "call_state",
        "event",
        "status",
        "users",
        "created",
        "call_time",
        "public_ivr_id",
        "client_ref_id",
        "job_id",
    ];

    private readonly MyOperatorInCallProfile profile = new();

    [Test]
    public void Get_sends_only_the_mapped_query_parameters_and_no_body()
    {
        var request = Build("incoming-answered", 0, Fixtures.Config("GET"));
        var query = HttpUtility.ParseQueryString(request.Url.Query);
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("GET"));
            Assert.That(request.HasBody, Is.False);
            Assert.That(request.Body.Length, Is.Zero);
            Assert.That(query.AllKeys, Is.EqualTo(new[] { "caller_number", "state", "uid" }));
            Assert.That(query["caller_number"], Does.Match(@"^\+91[6-9]\d{9}$"), "caller number with country code, '+' percent-encoded");
            Assert.That(request.Url.Query, Does.Contain("caller_number=%2B91"));
            Assert.That(query["state"], Is.EqualTo("1"));
        });
    }

    [Test]
    public void Post_form_body_carries_call_log_in_myoperator_field()
    {
        var request = Build("incoming-answered", 0, Fixtures.Config("POST", "form"));
        var form = HttpUtility.ParseQueryString(Encoding.UTF8.GetString(request.Body.Span));
        Assert.That(request.ContentType, Is.EqualTo("application/x-www-form-urlencoded"));
        Assert.That(form.AllKeys, Is.EqualTo(new[] { "myoperator" }));
        using var log = JsonDocument.Parse(form["myoperator"]!);
        Assert.That(
            log.RootElement.EnumerateObject().Select(property => property.Name),
            Is.EqualTo(DocumentedKeys),
            "keys and order of the documented sample"
        );
        Assert.That(
            HttpUtility.ParseQueryString(request.Url.Query)["caller_number"],
            Does.StartWith("+91"),
            "POST keeps the mapped query parameters"
        );
    }

    [Test]
    public void Post_json_body_wraps_the_call_log_in_a_myoperator_object()
    {
        var request = Build("incoming-answered", 0, Fixtures.Config("POST", "json"));
        Assert.That(request.ContentType, Is.EqualTo("application/json"));
        using var body = JsonDocument.Parse(request.Body);
        Assert.That(body.RootElement.EnumerateObject().Select(property => property.Name), Is.EqualTo(new[] { "myoperator" }));
        Assert.That(body.RootElement.GetProperty("myoperator").ValueKind, Is.EqualTo(JsonValueKind.Object));
    }

    [Test]
    public void Every_enum_value_is_a_string_and_status_is_null_until_the_call_finishes()
    {
        var scenario = Fixtures.Scenario("incoming-answered");
        for (var index = 0; index < scenario.Steps.Count; index++)
        {
            var log = Log(Build("incoming-answered", index, Fixtures.Config("POST", "json")));
            Assert.That(log.GetProperty("call_state").GetString(), Is.EqualTo(scenario.Steps[index].Event));
            Assert.That(log.GetProperty("event").GetString(), Is.EqualTo("1"), "incoming");
            var finished = scenario.Steps[index].Event == "2";
            Assert.That(log.GetProperty("status").ValueKind, Is.EqualTo(finished ? JsonValueKind.String : JsonValueKind.Null));
            if (finished)
                Assert.That(log.GetProperty("status").GetString(), Is.EqualTo("1"), "connected");
        }
    }

    [TestCase("incoming-missed", "1", "2")]
    [TestCase("incoming-voicemail", "1", "3")]
    [TestCase("obd-no-answer", "2", "2")]
    [TestCase("obd-answered", "2", "1")]
    [TestCase("click-to-call-rejected", "2", "2")]
    [TestCase("click-to-call-no-answer", "2", "2")]
    public void Final_event_and_status_follow_the_documented_codes(string scenario, string eventCode, string status)
    {
        var steps = Fixtures.Scenario(scenario).Steps;
        var log = Log(Build(scenario, steps.Count - 1, Fixtures.Config("POST", "json")));
        Assert.That(log.GetProperty("event").GetString(), Is.EqualTo(eventCode));
        Assert.That(log.GetProperty("status").GetString(), Is.EqualTo(status));
    }

    [Test]
    public void All_events_of_one_call_share_uid_id_and_created_and_the_uid_epoch_is_created()
    {
        var scenario = Fixtures.Scenario("incoming-answered");
        var logs = Enumerable
            .Range(0, scenario.Steps.Count)
            .Select(index => Log(Build("incoming-answered", index, Fixtures.Config("POST", "json"))))
            .ToList();
        Assert.That(logs.Select(log => log.GetProperty("uid").GetString()).Distinct().Count(), Is.EqualTo(1));
        Assert.That(logs.Select(log => log.GetProperty("id").GetString()).Distinct().Count(), Is.EqualTo(1));
        var uid = logs[0].GetProperty("uid").GetString()!;
        Assert.That(uid, Does.Match(@"^[ns][1-9]\.\d{10}\.\d+$"));
        var epoch = long.Parse(uid.Split('.')[1], System.Globalization.CultureInfo.InvariantCulture);
        var created = DateTime.ParseExact(
            logs[0].GetProperty("created").GetString()!,
            "yyyy-MM-dd HH:mm:ss",
            System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal
        );
        Assert.That(DateTimeOffset.FromUnixTimeSeconds(epoch).UtcDateTime, Is.EqualTo(created));
        Assert.That(created, Is.EqualTo(Fixtures.Now.UtcDateTime));
    }

    [Test]
    public void Numbers_follow_the_sample_payload_and_the_clid_option_switches_to_e164()
    {
        var log = Log(Build("incoming-answered", 0, Fixtures.Config("POST", "json")));
        Assert.That(log.GetProperty("clid_raw").GetString(), Does.Match("^91[6-9]\\d{9}$"));
        Assert.That(log.GetProperty("clid").GetString(), Does.Match("^[6-9]\\d{9}$"), "the sample prints clid nationally");
        Assert.That(log.GetProperty("users")[0].GetString(), Does.Match("^91[6-9]\\d{9}$"), "agent numbers with country code, no plus");
        Assert.That(log.GetProperty("rdnis").GetString(), Does.Match("^[6-9]\\d{9}$"));

        var e164 = Fixtures.Config("POST", "json") with { Options = new Dictionary<string, string> { ["clid"] = "e164" } };
        Assert.That(Log(Build("incoming-answered", 0, e164)).GetProperty("clid").GetString(), Does.Match("^\\+91[6-9]\\d{9}$"));
    }

    [Test]
    public void Outbound_calls_carry_the_reference_id_and_an_unknown_rdnis()
    {
        var log = Log(Build("obd-no-answer", 0, Fixtures.Config("POST", "json")));
        Assert.That(log.GetProperty("reference_id").GetString(), Does.Match("^[0-9a-f-]{36}$"));
        Assert.That(log.GetProperty("rdnis").GetString(), Is.EqualTo("unknown"));
        Assert.That(log.GetProperty("call_state").GetString(), Is.EqualTo("4"));
    }

    [Test]
    public void Custom_headers_then_basic_auth_are_sent_and_marked_secret()
    {
        var request = Build("incoming-answered", 0, Fixtures.Config());
        Assert.That(
            request.Headers,
            Is.EqualTo(
                new[]
                {
                    KeyValuePair.Create("my-super-secret-token", "abc123def"),
                    KeyValuePair.Create("Authorization", "Basic YWRtaW46MTIzNDU2"),
                }
            )
        );
        var record = Conformance.Running.ScenarioRunner.Record(request);
        Assert.That(record.Headers.Select(header => header.Value), Is.EqualTo(new[] { "[redacted]", "Basic [redacted]" }));
    }

    [Test]
    public void Step_overrides_replace_add_and_remove_fields()
    {
        var scenario = Fixtures.Scenario("incoming-answered");
        var step = scenario.Steps[0] with
        {
            Set = new Dictionary<string, JsonNode?> { ["status"] = "3", ["extra_field"] = new JsonArray(1, 2) },
            Unset = ["job_id"],
        };
        var call = Fixtures.Call("incoming-answered");
        var log = Log(profile.Build(new StepContext(call, step, 0, call.StartedAt), Fixtures.Config("POST", "json")));
        Assert.That(log.GetProperty("status").GetString(), Is.EqualTo("3"));
        Assert.That(log.GetProperty("extra_field").GetRawText(), Is.EqualTo("[1,2]"));
        Assert.That(log.TryGetProperty("job_id", out _), Is.False);
    }

    [Test]
    public void Query_values_show_overrides_and_constants()
    {
        var config = Fixtures.Config("GET") with
        {
            Query = [new QueryMapping("s", "status"), new QueryMapping("src", "const:crm a+b"), new QueryMapping("ref", "reference_id")],
        };
        var request = Build("incoming-answered", 3, config);
        Assert.That(request.Url.Query, Is.EqualTo("?s=1&src=crm+a%2Bb&ref="));
    }

    [Test]
    public void Unknown_query_fields_and_options_are_reported()
    {
        var config = Fixtures.Config() with
        {
            Query = [new QueryMapping("a", "nope")],
            Options = new Dictionary<string, string> { ["clid"] = "intl", ["colour"] = "red" },
        };
        Assert.That(
            profile.Validate(config),
            Is.EqualTo(
                new[]
                {
                    "--query a=nope: 'nope' is not a myoperator-incall field; 'callhooks list' shows them",
                    "--option colour: myoperator-incall has no such option (it has: clid=national|e164, users=array|comma, fields=FIELD,...)",
                    "--option clid=intl: not a reading of clid; use national or e164 (default national)",
                }
            )
        );
    }

    [Test]
    public void Chosen_fields_are_the_only_ones_sent_in_the_log_s_order_and_query_mappings_still_read_the_whole_log()
    {
        var config = Fixtures.Config() with
        {
            Encoding = "json",
            Options = new Dictionary<string, string> { ["fields"] = "call_state, uid,clid" },
            Query = [new QueryMapping("caller", "clid_raw")],
        };
        var request = Build("incoming-answered", 0, config);
        var log = Log(request);
        Assert.That(log.EnumerateObject().Select(field => field.Name), Is.EqualTo(new[] { "uid", "clid", "call_state" }));
        Assert.That(request.Url.Query, Does.StartWith("?caller=91"), "the query mapping reads a field the body does not carry");
    }

    [Test]
    public void A_field_selection_that_names_no_field_or_an_unknown_one_is_refused()
    {
        Assert.That(
            profile.Validate(Fixtures.Config() with { Options = new Dictionary<string, string> { ["fields"] = "uid,caller" } }),
            Is.EqualTo(
                new[]
                {
                    "--option fields: 'caller' is not a call-log field; the fields are id, uid, reference_id, company_id, clid_raw, clid, rdnis, call_state, event, status, users, created, call_time, public_ivr_id, client_ref_id, job_id",
                }
            )
        );
        Assert.That(
            profile.Validate(Fixtures.Config() with { Options = new Dictionary<string, string> { ["fields"] = " , " } }),
            Is.EqualTo(new[] { "--option fields=: name at least one call-log field, e.g. fields=uid,clid,call_state" })
        );
    }

    private WebhookRequest Build(string scenarioName, int index, WebhookConfig config)
    {
        var scenario = Fixtures.Scenario(scenarioName);
        var call = Conformance.Generation.CallGenerator.Generate(scenario, Fixtures.Seed, Fixtures.Now);
        return profile.Build(new StepContext(call, scenario.Steps[index], index, call.StartedAt), config);
    }

    private static JsonElement Log(WebhookRequest request)
    {
        using var body = JsonDocument.Parse(request.Body);
        return body.RootElement.GetProperty("myoperator").Clone();
    }
}
