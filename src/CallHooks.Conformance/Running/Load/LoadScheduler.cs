using System.Runtime.ExceptionServices;

namespace CallHooks.Conformance.Running.Load;

/// <summary>
/// Releases calls on an open-model schedule: call k is due at k / rate whatever happened to earlier calls, and
/// starts as soon as it is due and fewer than <c>concurrency</c> calls are in progress. A call that finds every
/// slot taken waits, and that wait is reported with it (<see cref="ScheduledCall.Queued"/>), so a slow listener
/// shows up in the latency measured from the scheduled time instead of silently lowering the rate
/// (coordinated omission).
/// </summary>
public sealed class LoadScheduler(LoadSchedule schedule, int concurrency, TimeProvider time)
{
    /// <summary>Plays every call of the schedule and returns when all started calls have finished.</summary>
    /// <returns>The number of calls started (fewer than the schedule's when cancelled).</returns>
    public async Task<long> RunAsync(Func<ScheduledCall, Task> playCall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(playCall);
        using var slots = new SemaphoreSlim(concurrency, concurrency);
        ExceptionDispatchInfo? firstFailure = null;
        var runStart = time.GetTimestamp();
        long started = 0;
        for (long index = 0; !schedule.IsPastEnd(index) && !cancellationToken.IsCancellationRequested && firstFailure is null; index++)
        {
            var due = schedule.OffsetOf(index);
            try
            {
                var wait = due - time.GetElapsedTime(runStart);
                if (wait > TimeSpan.Zero)
                {
                    // Timers count whole milliseconds: a shorter wait would return at once and spin. Calls due
                    // meanwhile start together when the timer fires, so the rate holds on average.
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), time, cancellationToken).ConfigureAwait(false);
                }
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            started++;
            // Off the scheduling loop: building and sending a call's first request must not delay the next call.
            var call = new ScheduledCall(index, runStart, due, time.GetElapsedTime(runStart));
            _ = Task.Run(() => PlayAsync(call), CancellationToken.None);
        }

        // Every slot back means every started call has finished.
        for (var slot = 0; slot < concurrency; slot++)
            await slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        firstFailure?.Throw();
        return started;

        async Task PlayAsync(ScheduledCall call)
        {
            try
            {
                await playCall(call).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                // A call never fails for the listener's sake; this is a harness bug, surfaced once all calls are done.
                Interlocked.CompareExchange(ref firstFailure, ExceptionDispatchInfo.Capture(exception), null);
            }
            finally
            {
                slots.Release();
            }
        }
    }
}
