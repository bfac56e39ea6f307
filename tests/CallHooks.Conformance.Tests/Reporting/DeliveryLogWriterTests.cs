using System.Text.Json;
using CallHooks.Conformance.Reporting.Json;
using CallHooks.Conformance.Running.Load;
using CallHooks.Conformance.Tests.Running.Load;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Reporting;

public sealed class DeliveryLogWriterTests
{
    [Test]
    public async Task Each_delivery_becomes_one_json_line_with_its_call_verdict_and_both_latencies()
    {
        var path = Path.Combine(Path.GetTempPath(), "callhooks-ndjson-" + Guid.NewGuid().ToString("N") + ".ndjson");
        var time = new ManualTimeProvider(Fixtures.Now);
        var runner = new LoadCallRunner(LoadCallRunnerTests.Plan("obd-no-answer", pace: 0), LoadCallRunnerTests.Answering(time), time);
        time.Advance(TimeSpan.FromMilliseconds(5));
        using (var log = new DeliveryLogWriter(path))
        {
            await runner.PlayAsync(new ScheduledCall(7, 0, TimeSpan.Zero, TimeSpan.FromMilliseconds(5)), log, CancellationToken.None);
            Assert.That(log.Error, Is.Null);
        }

        var lines = await File.ReadAllLinesAsync(path);
        File.Delete(path);
        Assert.That(lines, Has.Length.EqualTo(2));
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.That(
            root.EnumerateObject().Select(property => property.Name),
            Is.EqualTo(
                new[]
                {
                    "call",
                    "provider",
                    "scenario",
                    "callId",
                    "index",
                    "event",
                    "eventTime",
                    "sentAt",
                    "passed",
                    "status",
                    "reason",
                    "latencyMs",
                    "queuedMs",
                    "fromScheduledMs",
                    "failures",
                }
            )
        );
        Assert.That(root.GetProperty("call").GetInt64(), Is.EqualTo(7));
        Assert.That(root.GetProperty("scenario").GetString(), Is.EqualTo("obd-no-answer"));
        Assert.That(root.GetProperty("event").GetString(), Is.EqualTo("4"));
        Assert.That(root.GetProperty("status").GetInt32(), Is.EqualTo(200));
        Assert.That(root.GetProperty("passed").GetBoolean(), Is.True);
        Assert.That(
            (
                root.GetProperty("latencyMs").GetDouble(),
                root.GetProperty("queuedMs").GetDouble(),
                root.GetProperty("fromScheduledMs").GetDouble()
            ),
            Is.EqualTo((20.0, 5.0, 25.0))
        );
        using var second = JsonDocument.Parse(lines[1]);
        Assert.That(second.RootElement.GetProperty("callId").GetString(), Is.EqualTo(root.GetProperty("callId").GetString()));
        Assert.That(second.RootElement.GetProperty("index").GetInt32(), Is.EqualTo(1));
    }
}
