using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Running.Load;

/// <summary>
/// A load run: the scheduler releases calls, each plays its scenario, and every delivery goes to the statistics,
/// the retained calls and the caller's sink (the delivery log, progress) as it completes.
/// </summary>
internal sealed class LoadRun(WebhookRequestSender send, TimeProvider time)
{
    public LoadRun(WebhookDispatcher dispatcher, TimeProvider time)
        : this(dispatcher.SendAsync, time) { }

    /// <summary>Statistics of the run in progress, for a live display; set as soon as <see cref="ExecuteAsync"/> starts.</summary>
    public LoadStatistics? Statistics { get; private set; }

    public async Task<LoadRunResult> ExecuteAsync(LoadPlan plan, ILoadSink? sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var statistics = new LoadStatistics(plan.Schedule.Rate, plan.Concurrency, time);
        Statistics = statistics;
        var retained = new RetainedCalls(plan.KeepFailures, plan.KeepSample, plan.Run.Seed);
        // The caller's sink is guarded: one that throws is dropped for the rest of the run, which still counts every delivery.
        var sinks = new FanOut(sink is null ? [statistics, retained] : [statistics, retained, new GuardedSink(sink)]);
        var runner = new LoadCallRunner(plan, send, time);
        var scheduler = new LoadScheduler(plan.Schedule, plan.Concurrency, time);
        // The same interruption as a conformance run: no new call or event once told to stop, then a grace for what is in flight.
        using var signals = new InterruptSignals(plan.Run.InterruptGrace, time, cancellationToken, plan.Run.AbortNow);
        await scheduler
            .RunAsync(
                call =>
                {
                    statistics.OnStart(call);
                    return runner.PlayAsync(call, sinks, cancellationToken, signals.AbortInFlight);
                },
                cancellationToken
            )
            .ConfigureAwait(false);
        return new LoadRunResult(statistics.Summary(), retained.Calls(), retained.FailuresDropped) { SinkError = sinks.Guarded?.Error };
    }

    private sealed class FanOut(ILoadSink[] sinks) : ILoadSink
    {
        public GuardedSink? Guarded { get; } = sinks.OfType<GuardedSink>().FirstOrDefault();

        public void OnDelivery(LoadDelivery delivery)
        {
            foreach (var sink in sinks)
                sink.OnDelivery(delivery);
        }

        public void OnCall(long callIndex, ScenarioResult call)
        {
            foreach (var sink in sinks)
                sink.OnCall(callIndex, call);
        }
    }
}
