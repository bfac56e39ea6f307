using System.Text;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Providers.MyOperatorInCall;
using CallHooks.Conformance.Scenarios;
using CallHooks.Conformance.Tests.Support;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Tests.Providers;

/// <summary>
/// The call log is sent two ways (from the call's prepared pieces, or edited as an object first); both must give the
/// same bytes, whichever state the pieces were prepared at and however many events reuse them.
/// </summary>
public sealed class CallLogTests
{
    [Test]
    public void Bodies_joined_from_a_calls_prepared_pieces_equal_the_serialized_log_at_every_state(
        [Values("incoming-answered", "incoming-voicemail", "obd-answered", "obd-no-answer", "click-to-call-rejected")] string scenario,
        [Values(ClidStyle.National, ClidStyle.E164)] object clidStyleCase,
        [Values(true, false)] bool form
    )
    {
        var clidStyle = (ClidStyle)clidStyleCase;
        var call = Fixtures.Call(scenario);
        var memo = new CallMemo();
        // Every state in turn on one memo: the pieces are prepared at the first and reused for the rest.
        foreach (var state in CallStates.All.Select(state => state.Id).Reverse())
        {
            var context = new StepContext(call, new ScenarioStep { Event = state }, 0, call.StartedAt) { Memo = memo };
            Assert.That(
                Encoding.UTF8.GetString(CallLogBody.Render(context, clidStyle, form)),
                Is.EqualTo(Serialized(call, state, clidStyle, form)),
                $"call state {state}"
            );
        }
    }

    [Test]
    public void A_memo_holding_another_calls_pieces_is_not_used_for_this_call()
    {
        var memo = new CallMemo();
        var first = Fixtures.Call("incoming-answered");
        var second = Fixtures.Call("obd-no-answer");
        var step = new ScenarioStep { Event = CallStates.Finished };
        CallLogBody.Render(new StepContext(first, step, 0, first.StartedAt) { Memo = memo }, ClidStyle.National, form: true);
        var prepared = memo.Value;

        var body = CallLogBody.Render(new StepContext(second, step, 0, second.StartedAt) { Memo = memo }, ClidStyle.National, form: true);
        Assert.That(Encoding.UTF8.GetString(body), Is.EqualTo(Serialized(second, CallStates.Finished, ClidStyle.National, form: true)));
        Assert.That(memo.Value, Is.Not.SameAs(prepared));
    }

    // The same call asked for in another encoding, or with the other clid style, gets pieces made for that, each change alone.
    [TestCase(ClidStyle.National, false)]
    [TestCase(ClidStyle.E164, true)]
    public void A_memo_prepared_for_another_encoding_or_clid_style_is_not_used(object clidStyleCase, bool form)
    {
        var clidStyle = (ClidStyle)clidStyleCase;
        var memo = new CallMemo();
        var call = Fixtures.Call("incoming-answered");
        var step = new ScenarioStep { Event = CallStates.UserAnswered };
        CallLogBody.Render(new StepContext(call, step, 0, call.StartedAt) { Memo = memo }, ClidStyle.National, form: true);

        var body = CallLogBody.Render(new StepContext(call, step, 0, call.StartedAt) { Memo = memo }, clidStyle, form);
        Assert.That(Encoding.UTF8.GetString(body), Is.EqualTo(Serialized(call, CallStates.UserAnswered, clidStyle, form)));
    }

    [Test]
    public void Without_a_memo_each_body_is_made_whole()
    {
        var call = Fixtures.Call("obd-answered");
        foreach (var state in CallStates.All.Select(state => state.Id))
        {
            var body = CallLogBody.Render(
                new StepContext(call, new ScenarioStep { Event = state }, 0, call.StartedAt),
                ClidStyle.E164,
                form: true
            );
            Assert.That(
                Encoding.UTF8.GetString(body),
                Is.EqualTo(Serialized(call, state, ClidStyle.E164, form: true)),
                $"call state {state}"
            );
        }
    }

    private static string Serialized(Calls.Call call, string state, ClidStyle clidStyle, bool form)
    {
        var log = PayloadJson.Serialize(CallLog.For(call, state, clidStyle));
        return form ? "myoperator=" + FormUrlEncoding.Encode(log) : "{\"myoperator\":" + log + "}";
    }

    [Test]
    public void The_creation_time_reads_as_the_documented_format()
    {
        foreach (var scenario in new[] { "incoming-answered", "obd-no-answer" })
        {
            var call = Fixtures.Call(scenario);
            Assert.That(
                CallLog.Created(call),
                Is.EqualTo(call.StartedAt.UtcDateTime.ToString(CallLog.TimeFormat, System.Globalization.CultureInfo.InvariantCulture))
            );
            Assert.That(CallLog.Created(call), Does.Match(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$"));
        }
    }

    /// <summary>
    /// The golden files configure query mappings, which send every request down the object path; without them the log
    /// is written directly (the load-mode path). Bodies must not depend on which path built them.
    /// </summary>
    [Test]
    public void Every_scenario_body_is_the_same_with_and_without_query_mappings([Values("form", "json")] string encoding)
    {
        var profile = CallHooks.Conformance.Providers.ProviderCatalog.Find(MyOperatorInCallProfile.ProfileName)!;
        var withQuery = Fixtures.Config(encoding: encoding);
        var direct = withQuery with { Query = [] };
        foreach (var scenario in Fixtures.AllMyOperator())
        {
            var call = CallHooks.Conformance.Generation.CallGenerator.Generate(scenario, Fixtures.Seed, Fixtures.Now);
            var memo = new CallMemo();
            for (var index = 0; index < scenario.Steps.Count; index++)
            {
                // One memo for the call's steps, as the runners give them.
                var context = new StepContext(call, scenario.Steps[index], index, call.StartedAt) { Memo = memo };
                Assert.That(
                    Encoding.UTF8.GetString(profile.Build(context, direct).Body.Span),
                    Is.EqualTo(Encoding.UTF8.GetString(profile.Build(context, withQuery).Body.Span)),
                    $"{scenario.Name} step {index}"
                );
            }
        }
    }
}
