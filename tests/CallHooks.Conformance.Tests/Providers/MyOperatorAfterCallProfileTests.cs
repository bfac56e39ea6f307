using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Web;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Providers.MyOperatorAfterCall;
using CallHooks.Conformance.Wire;
using static CallHooks.Conformance.Tests.Providers.ProviderScenarioKit;

namespace CallHooks.Conformance.Tests.Providers;

/// <summary>After-Call logs read back from the form body with HttpUtility and JsonDocument, checked against the page's sample (docs/providers/myoperator-aftercall.md).</summary>
public sealed class MyOperatorAfterCallProfileTests
{
    private static readonly string[] DocumentedKeys =
    [
        "_ai",
        "_so",
        "_ci",
        "_cr",
        "_cl",
        "_cy",
        "_se",
        "_ts",
        "_st",
        "_ms",
        "_ss",
        "_et",
        "_dr",
        "_drm",
        "_ty",
        "_ev",
        "_su",
        "_fn",
        "_fu",
        "_dn",
        "_di",
        "_pm",
        "_cn",
        "_us",
        "_ri",
        "_ji",
        "_ivid",
        "_cri",
        "_ld",
    ];

    private readonly MyOperatorAfterCallProfile profile = new();

    [Test]
    public void After_call_is_one_form_field_myoperator_holding_the_short_key_log()
    {
        var request = AfterCall("incoming-answered");
        var form = HttpUtility.ParseQueryString(Encoding.UTF8.GetString(request.Body.Span));
        using var log = JsonDocument.Parse(form["myoperator"]!);
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("POST"));
            Assert.That(request.ContentType, Is.EqualTo("application/x-www-form-urlencoded"));
            Assert.That(form.AllKeys, Is.EqualTo(new[] { "myoperator" }));
            Assert.That(log.RootElement.EnumerateObject().Select(field => field.Name), Is.EqualTo(DocumentedKeys));
        });
    }

    [Test]
    public void Legs_and_agents_are_lists_even_when_there_is_one_of_each()
    {
        using var log = Log("incoming-answered");
        var legs = log.RootElement.GetProperty("_ld");
        Assert.That(legs.ValueKind, Is.EqualTo(JsonValueKind.Array));
        Assert.That(legs.GetArrayLength(), Is.EqualTo(1));
        var agents = legs[0].GetProperty("_rr");
        Assert.That(agents.ValueKind, Is.EqualTo(JsonValueKind.Array));
        Assert.That(agents[0].GetProperty("_ct").GetString(), Does.Match(@"^[6-9]\d{9}$"));
        Assert.That(agents[0].GetProperty("_nr").GetString(), Is.EqualTo("+91" + agents[0].GetProperty("_ct").GetString()));
        Assert.That(legs[0].GetProperty("_ds").GetString(), Is.EqualTo("ANSWER"));
    }

    [TestCase("incoming-answered")]
    [TestCase("incoming-missed")]
    [TestCase("obd-no-answer")]
    public void Start_end_and_duration_fields_tell_one_story(string scenario)
    {
        var call = Call(Scenario("myoperator-aftercall", scenario));
        using var log = Log(scenario);
        var l = log.RootElement;
        var start = l.GetProperty("_st").GetInt64();
        var end = l.GetProperty("_et").GetInt64();
        var seconds = end - start;
        Assert.Multiple(() =>
        {
            Assert.That(start, Is.EqualTo(call.StartedAt.ToUnixTimeSeconds()));
            Assert.That(seconds, Is.EqualTo(call.RingSeconds + call.TalkSeconds));
            Assert.That(
                l.GetProperty("_dr").GetString(),
                Is.EqualTo(TimeSpan.FromSeconds(seconds).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture))
            );
            Assert.That(l.GetProperty("_drm").GetDecimal(), Is.EqualTo(Math.Round(seconds / 60m, 2)));
            Assert.That(l.GetProperty("_ss").GetInt64(), Is.EqualTo((long)call.StartedAt.UtcDateTime.TimeOfDay.TotalSeconds));
            Assert.That(l.GetProperty("_ms").GetInt64() / 1000, Is.EqualTo(start));
            Assert.That(l.GetProperty("_ts").GetInt64(), Is.GreaterThanOrEqualTo(end));
            foreach (var leg in l.GetProperty("_ld").EnumerateArray())
            {
                var legStart = leg.GetProperty("_st").GetInt64();
                var legEnd = leg.GetProperty("_et").GetInt64();
                Assert.That(legStart, Is.InRange(start, end));
                Assert.That(legEnd, Is.InRange(legStart, end));
                Assert.That(
                    leg.GetProperty("_rst").GetString(),
                    Is.EqualTo(
                        DateTimeOffset
                            .FromUnixTimeSeconds(legStart)
                            .UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
                    )
                );
                Assert.That(
                    leg.GetProperty("_dr").GetString(),
                    Is.EqualTo(TimeSpan.FromSeconds(legEnd - legStart).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture))
                );
            }
        });
    }

    [Test]
    public void Codes_lists_and_recording_have_the_types_of_the_pages_sample()
    {
        using var log = Log("incoming-answered");
        var l = log.RootElement;
        var leg = l.GetProperty("_ld")[0];
        Assert.Multiple(() =>
        {
            Assert.That(
                (l.GetProperty("_ty").GetRawText(), l.GetProperty("_ev").GetRawText(), l.GetProperty("_su").GetRawText()),
                Is.EqualTo(("1", "1", "1")),
                "numbers in the sample"
            );
            Assert.That(l.GetProperty("_cn").ValueKind, Is.EqualTo(JsonValueKind.Array), "a list of notes in the sample");
            Assert.That(leg.GetProperty("_tt").ValueKind, Is.EqualTo(JsonValueKind.Array), "an empty list in the sample");
            Assert.That(leg.GetProperty("_did").GetString(), Does.Match("^[0-9]{10}$"), "ten digits in the sample");
            Assert.That(l.GetProperty("_fn").GetString(), Does.Match("^[0-9a-f]{80}\\.mp3$"));
            Assert.That(
                l.GetProperty("_fu").GetString(),
                Is.EqualTo("http://app.myoperator.co/audio/" + l.GetProperty("_fn").GetString()![..^4])
            );
        });
    }

    [Test]
    public void Missed_call_rings_each_agent_in_turn_and_the_caller_hangs_up_on_the_last()
    {
        using var log = Log("incoming-missed");
        var legs = log.RootElement.GetProperty("_ld").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(log.RootElement.GetProperty("_su").GetRawText(), Is.EqualTo("2"), "a number, as in the page's sample");
            Assert.That(legs.Select(leg => leg.GetProperty("_ds").GetString()), Is.EqualTo(new[] { "NOANSWER", "CANCEL" }));
            Assert.That(
                legs[1].GetProperty("_st").GetInt64(),
                Is.EqualTo(legs[0].GetProperty("_et").GetInt64()),
                "the second agent rings when the first stops"
            );
            Assert.That(
                log.RootElement.GetProperty("_fu").ValueKind,
                Is.EqualTo(JsonValueKind.Null),
                "no recording without a conversation"
            );
        });
    }

    [Test]
    public void Obd_call_the_customer_never_answered_has_no_legs_and_a_reference_id()
    {
        using var log = Log("obd-no-answer");
        Assert.Multiple(() =>
        {
            Assert.That(log.RootElement.GetProperty("_ld").GetArrayLength(), Is.Zero);
            Assert.That(log.RootElement.GetProperty("_ev").GetRawText(), Is.EqualTo("2"), "a number, as in the page's sample");
            Assert.That(Guid.TryParse(log.RootElement.GetProperty("_ri").GetString(), out _), Is.True);
        });
    }

    [Test]
    public void Recording_url_slashes_are_escaped_as_in_the_sample_unless_plain_is_asked()
    {
        var escaped = FormValue(AfterCall("incoming-answered"));
        var plain = FormValue(AfterCall("incoming-answered", Config(options: ("slashes", "plain"))));
        Assert.Multiple(() =>
        {
            Assert.That(escaped, Does.Contain("\"_fu\":\"http:\\/\\/app.myoperator.co\\/audio\\/"));
            Assert.That(plain, Does.Contain("\"_fu\":\"http://app.myoperator.co/audio/"));
            Assert.That(
                JsonDocument.Parse(escaped).RootElement.GetProperty("_fu").GetString(),
                Is.EqualTo(JsonDocument.Parse(plain).RootElement.GetProperty("_fu").GetString()),
                "the same URL once parsed"
            );
        });
    }

    [Test]
    public void In_call_states_and_the_after_call_log_of_a_scenario_name_the_same_call()
    {
        var scenario = Scenario("myoperator-aftercall", "incoming-answered-in-call-then-after-call");
        var requests = BuildAll(profile, scenario, Config());
        var inCall = requests.Take(4).Select(FormValue).Select(text => JsonDocument.Parse(text).RootElement).ToList();
        var afterCall = JsonDocument.Parse(FormValue(requests[4])).RootElement;
        var ui = afterCall
            .GetProperty("_pm")
            .EnumerateArray()
            .Single(pair => pair.GetProperty("ky").GetString() == "ui")
            .GetProperty("vl")
            .GetString();
        Assert.Multiple(() =>
        {
            Assert.That(inCall.Select(log => log.GetProperty("call_state").GetString()), Is.EqualTo(new[] { "1", "5", "6", "2" }));
            Assert.That(
                inCall.Select(log => log.GetProperty("uid").GetString()).Distinct(),
                Is.EqualTo(new[] { ui }),
                "_pm ui is the In-Call uid"
            );
            Assert.That(afterCall.GetProperty("_ai").GetString(), Is.EqualTo(inCall[0].GetProperty("id").GetString()));
            Assert.That(afterCall.GetProperty("_cl").GetString(), Is.EqualTo("+" + inCall[0].GetProperty("clid_raw").GetString()));
            Assert.That(profile.CallId(Call(scenario), Config()), Is.EqualTo(ui));
        });
    }

    [Test]
    public void One_short_key_query_mapping_sends_the_same_value_with_in_call_states_and_the_after_call_log()
    {
        var scenario = Scenario("myoperator-aftercall", "incoming-answered-in-call-then-after-call");
        var config = Config() with
        {
            Query = [new QueryMapping("caller", "_cl"), new QueryMapping("uid", "_pm.ui"), new QueryMapping("crm", "const:abc")],
        };
        var queries = BuildAll(profile, scenario, config).Select(request => request.Url.Query).Distinct().ToList();
        var uid = profile.CallId(Call(scenario), Config());
        Assert.That(queries, Is.EqualTo(new[] { $"?caller=%2B91{Call(scenario).Customer.National}&uid={uid}&crm=abc" }));
    }

    [Test]
    public void Validation_names_unknown_fields_and_options()
    {
        var config = Config(options: [("slashes", "json"), ("zone", "utc")]) with { Query = [new QueryMapping("x", "clid")] };
        Assert.That(
            profile.Validate(config),
            Is.EqualTo(
                new[]
                {
                    "--query x=clid: 'clid' is not a myoperator-aftercall field; 'callhooks list' shows them",
                    "--option zone: myoperator-aftercall has no such option (it has: clid=national|e164, slashes=escaped|plain)",
                    "--option slashes=json: not a reading of slashes; use escaped or plain (default escaped)",
                }
            )
        );
    }

    private WebhookRequest AfterCall(string scenario, WebhookConfig? config = null) =>
        profile.Build(Context(Scenario("myoperator-aftercall", scenario), MyOperatorAfterCallProfile.AfterCallEvent), config ?? Config());

    private JsonDocument Log(string scenario) => JsonDocument.Parse(FormValue(AfterCall(scenario)));

    private static string FormValue(WebhookRequest request) =>
        HttpUtility.ParseQueryString(Encoding.UTF8.GetString(request.Body.Span))["myoperator"]!;
}
