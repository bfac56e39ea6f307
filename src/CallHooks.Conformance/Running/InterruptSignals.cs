namespace CallHooks.Conformance.Running;

/// <summary>
/// The one interruption model of every run, conformance and load alike: on the caller's signal nothing new is sent
/// (no new call, no next event), and what is already in flight may still finish within a grace period, after which
/// <see cref="AbortInFlight"/> cuts it off. So an interrupted run still reports every delivery that completed.
/// </summary>
internal sealed class InterruptSignals : IDisposable
{
    private readonly CancellationTokenSource abort;
    private readonly CancellationTokenRegistration graceStarts;
    private readonly CancellationTokenRegistration abortNow;

    /// <param name="abortImmediately">A second interruption: cut off what is in flight without waiting out the grace.</param>
    public InterruptSignals(TimeSpan grace, TimeProvider time, CancellationToken stopSending, CancellationToken abortImmediately = default)
    {
        abort = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        graceStarts = stopSending.Register(() => abort.CancelAfter(grace));
        abortNow = abortImmediately.Register(abort.Cancel);
    }

    /// <summary>Fires <see cref="RunPlan.InterruptGrace"/> after the run was told to stop.</summary>
    public CancellationToken AbortInFlight => abort.Token;

    public void Dispose()
    {
        abortNow.Dispose();
        graceStarts.Dispose();
        abort.Dispose();
    }
}
