using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Running;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Delivery;

/// <summary>Cancelling a run stops sending at once; a delivery in flight finishes within the grace period or is recorded as cancelled.</summary>
public sealed class InterruptGraceTests
{
    [Test]
    public async Task A_delivery_in_flight_finishes_within_the_grace_period_and_nothing_more_is_sent()
    {
        var inFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = FaultServer.Start(async connection =>
        {
            inFlight.TrySetResult();
            await release.Task;
            await Faults.Ok(connection);
        });
        using var interrupt = new CancellationTokenSource();
        var running = RunAsync(server, TimeSpan.FromSeconds(10), interrupt.Token);

        await inFlight.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await interrupt.CancelAsync();
        release.SetResult();
        var scenarios = await running;

        var deliveries = scenarios.SelectMany(scenario => scenario.Deliveries).ToList();
        Assert.That(deliveries, Has.Count.EqualTo(1), "the second event of the call is never sent");
        Assert.That(deliveries[0].Observation.Response?.Status, Is.EqualTo(200));
        Assert.That(server.Requests, Is.EqualTo(1));
    }

    [Test]
    public async Task A_delivery_still_in_flight_after_the_grace_period_is_recorded_as_cancelled()
    {
        var inFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = FaultServer.Start(connection =>
        {
            inFlight.TrySetResult();
            return Faults.SilentUntilClientLeaves(connection);
        });
        using var interrupt = new CancellationTokenSource();
        var running = RunAsync(server, TimeSpan.FromMilliseconds(100), interrupt.Token);

        await inFlight.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await interrupt.CancelAsync();
        var scenarios = await running;

        var delivery = scenarios.Single().Deliveries.Single();
        Assert.That(delivery.Observation.Failure?.Kind, Is.EqualTo(FailureKind.Cancelled));
        Assert.That(delivery.Observation.Failure!.Message, Is.EqualTo("the run was interrupted before the response was complete"));
        Assert.That(delivery.Passed, Is.False);
    }

    private static async Task<IReadOnlyList<Results.ScenarioResult>> RunAsync(
        FaultServer server,
        TimeSpan grace,
        CancellationToken interrupt
    )
    {
        using var dispatcher = WebhookDispatcher.ForConformance(TimeSpan.FromSeconds(2), TlsTrust.System, TimeProvider.System);
        var plan = new RunPlan
        {
            Scenarios = [Fixtures.Scenario("obd-no-answer")],
            Config = Fixtures.Config() with { Target = server.Url },
            Seed = Fixtures.Seed,
            CallStart = Fixtures.Now,
            Timeout = TimeSpan.FromSeconds(30),
            InterruptGrace = grace,
        };
        return await new ConformanceRun(dispatcher, TimeProvider.System).ExecuteAsync(plan, null, interrupt);
    }
}
