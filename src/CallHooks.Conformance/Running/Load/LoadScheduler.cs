using System.Runtime.ExceptionServices;

namespace CallHooks.Conformance.Running.Load;

/// <summary>
/// Releases calls on an open-model schedule: call k is due at k / rate whatever happened to earlier calls, and
/// starts as soon as it is due and fewer than <c>concurrency</c> calls are in progress. A call that finds every
/// slot taken waits, and that wait is reported with it (<see cref="ScheduledCall.Queued"/>), so a slow listener
/// shows up in the latency measured from the scheduled time instead of silently lowering the rate
/// (coordinated omission).
/// </summary>
/// <remarks>
/// The slots are <c>concurrency</c> workers, each taking the next call number as soon as it is free and starting
/// that call when it is due: a call starts at the later of its due time and the moment a slot frees, which is the
/// open model's rule. One worker per slot, rather than a dispatching loop with a semaphore and a task per call,
/// spares two thread-pool hand-offs per call, which at full speed is CPU taken from the listener on the same machine.
/// </remarks>
internal sealed class LoadScheduler(LoadSchedule schedule, int concurrency, TimeProvider time)
{
    /// <summary>Plays every call of the schedule and returns when all started calls have finished.</summary>
    /// <returns>The number of calls started (fewer than the schedule's when cancelled).</returns>
    public async Task<long> RunAsync(Func<ScheduledCall, Task> playCall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(playCall);
        ExceptionDispatchInfo? firstFailure = null;
        var runStart = time.GetTimestamp();
        long claimed = -1;
        long started = 0;
        var slots = new Task[Math.Max(1, concurrency)];
        for (var slot = 0; slot < slots.Length; slot++)
            slots[slot] = Task.Run(PlayInTurnAsync, CancellationToken.None);
        await Task.WhenAll(slots).ConfigureAwait(false);
        firstFailure?.Throw();
        return Interlocked.Read(ref started);

        async Task PlayInTurnAsync()
        {
            while (!cancellationToken.IsCancellationRequested && Volatile.Read(ref firstFailure) is null)
            {
                var index = Interlocked.Increment(ref claimed);
                if (schedule.IsPastEnd(index))
                    return;
                var due = schedule.OffsetOf(index);
                var wait = due - time.GetElapsedTime(runStart);
                if (wait > TimeSpan.Zero)
                {
                    try
                    {
                        // Timers count whole milliseconds: a shorter wait would return at once and spin.
                        await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), time, cancellationToken)
                            .ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }

                Interlocked.Increment(ref started);
                try
                {
                    await playCall(new ScheduledCall(index, runStart, due, time.GetElapsedTime(runStart))).ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    // A call never fails for the listener's sake; this is a harness bug, surfaced once all calls are done.
                    Interlocked.CompareExchange(ref firstFailure, ExceptionDispatchInfo.Capture(exception), null);
                }
            }
        }
    }
}
