using System.Text;
using CallHooks.Conformance.Providers.MyOperatorInCall;
using CallHooks.Conformance.Tests.Support;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Tests.Providers;

/// <summary>The call log is sent two ways (written directly, or edited as an object first); both must give the same bytes.</summary>
public sealed class CallLogTests
{
    [Test]
    public void Writing_the_log_directly_gives_the_bytes_of_the_serialized_log_object(
        [Values("incoming-answered", "incoming-voicemail", "obd-answered", "obd-no-answer", "click-to-call-rejected")] string scenario,
        [Values(ClidStyle.National, ClidStyle.E164)] ClidStyle clidStyle)
    {
        var call = Fixtures.Call(scenario);
        foreach (var state in CallStates.All.Select(state => state.Id))
        {
            var direct = PayloadJson.Write(call, (json, call) => CallLog.WriteTo(json, call, state, clidStyle));
            var viaObject = PayloadJson.Serialize(CallLog.For(call, state, clidStyle));
            Assert.That(Encoding.UTF8.GetString(direct), Is.EqualTo(viaObject), $"call state {state}");
        }
    }

    [Test]
    public void The_creation_time_reads_as_the_documented_format()
    {
        foreach (var scenario in new[] { "incoming-answered", "obd-no-answer" })
        {
            var call = Fixtures.Call(scenario);
            Assert.That(CallLog.Created(call), Is.EqualTo(call.StartedAt.UtcDateTime.ToString(CallLog.TimeFormat, System.Globalization.CultureInfo.InvariantCulture)));
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
            for (var index = 0; index < scenario.Steps.Count; index++)
            {
                var context = new CallHooks.Conformance.Providers.StepContext(call, scenario.Steps[index], index, call.StartedAt);
                Assert.That(
                    Encoding.UTF8.GetString(profile.Build(context, direct).Body.Span),
                    Is.EqualTo(Encoding.UTF8.GetString(profile.Build(context, withQuery).Body.Span)),
                    $"{scenario.Name} step {index}");
            }
        }
    }
}
