using CallHooks.Conformance.Running;
using CallHooks.Conformance.Running.Load;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Running.Load;

/// <summary>A sink that throws (a full disk under the delivery log, a library user's bug) never ends a load run without its counts.</summary>
public sealed class GuardedSinkTests
{
    [Test]
    public async Task A_throwing_sink_is_dropped_and_the_run_still_counts_every_delivery()
    {
        var time = new ManualTimeProvider(Fixtures.Now);
        var plan = new LoadPlan
        {
            Run = new RunPlan
            {
                Scenarios = [Fixtures.Scenario("obd-no-answer")],
                Config = Fixtures.Config(),
                Seed = Fixtures.Seed,
                CallStart = Fixtures.Now,
            },
            Schedule = new LoadSchedule(1000, 5, null),
            Concurrency = 1,
            Pace = 0,
        };
        var sink = new ThrowingSink();

        var result = await new LoadRun(LoadCallRunnerTests.Answering(time), time)
            .ExecuteAsync(plan, sink, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(result.SinkError, Is.EqualTo("IOException: No space left on device"));
        Assert.That(sink.Calls, Is.EqualTo(1), "dropped after its first failure");
        Assert.That(result.Summary.CallsCompleted, Is.EqualTo(5));
        Assert.That(result.Summary.Deliveries, Is.EqualTo(10), "two deliveries for each of the five calls, all counted");
    }

    private sealed class ThrowingSink : ILoadSink
    {
        public int Calls { get; private set; }

        public void OnDelivery(LoadDelivery delivery)
        {
            Calls++;
            throw new IOException("No space left on device");
        }

        public void OnCall(long callIndex, Results.ScenarioResult call) { }
    }
}
