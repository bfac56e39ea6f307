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
}
