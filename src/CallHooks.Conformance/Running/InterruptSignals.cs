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

    public InterruptSignals(TimeSpan grace, TimeProvider time, CancellationToken stopSending)
    {
        abort = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        graceStarts = stopSending.Register(() => abort.CancelAfter(grace));
    }

    /// <summary>Fires <see cref="RunPlan.InterruptGrace"/> after the run was told to stop.</summary>
    public CancellationToken AbortInFlight => abort.Token;

    public void Dispose()
    {
        graceStarts.Dispose();
        abort.Dispose();
    }
}
